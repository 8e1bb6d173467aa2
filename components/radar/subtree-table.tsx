"use client";

import Link from "next/link";
import type { SubtreeRow } from "@/lib/radar/team-card";
import { RISK_LABELS } from "@/lib/radar/team-view";
import { LocalDay } from "./local-day";

const riskIcon = { at_risk: "▲", watch: "●", none: "✓" } as const;

/**
 * A director's subtree as one dense table: hundreds of people, so each row is
 * a handful of elements (a card is ~45), which keeps the page light for the
 * browser and the server alike. Every row still says why someone is flagged.
 * On a phone each row stacks into a block (the header row is hidden there,
 * so the cells that need it say what they are; explicit roles keep the table
 * semantics that some browsers drop from restyled table elements). The
 * cells' styles are component classes (st-*, app/globals.css). A client
 * component fed the rows of lib/radar/team-card.ts, like the /team cards.
 */
export function SubtreeTable({ people, caption }: { people: SubtreeRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel" role="region" aria-label="People in your subtree" tabIndex={0}>
      <table role="table" className="block w-full text-left text-sm sm:table sm:min-w-[40rem]" aria-label="People">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden border-b border-line text-xs text-muted sm:table-header-group">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Person</th>
            <th scope="col" className="px-3 py-2 font-medium">In role</th>
            <th scope="col" className="px-3 py-2 font-medium">Risk</th>
            <th scope="col" className="px-3 py-2 font-medium">Why</th>
            <th scope="col" className="px-3 py-2 font-medium">Last 1:1</th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-line align-top sm:table-row-group">
          {people.map((p) => (
            <tr key={p.id} role="row" className="st-row">
              <th scope="row" role="rowheader" className="st-person">
                <Link href={`/people/${p.id}`} className="font-semibold text-accent-text underline-offset-2 hover:underline">
                  {p.name}
                </Link>
                <span className="block text-xs text-muted">{p.subtitle}</span>
              </th>
              <td role="cell" className="st-months" title={`In current role since ${p.roleSince}`}>
                {p.timeInRole}
                <span className="sm:hidden"> in role</span>
                {p.roleStartNote ? <span className="block text-xs text-muted">start not recorded</span> : null}
              </td>
              <td role="cell" className={`st-risk risk-text-${p.risk}`}>
                <span aria-hidden="true">{`${riskIcon[p.risk]} `}</span>
                {RISK_LABELS[p.risk]}
              </td>
              <td role="cell" className="st-why">{p.why}</td>
              <td role="cell" className="st-last">
                <span className="sm:hidden">Last 1:1: </span>
                {p.lastOneOnOneAt ? <LocalDay iso={p.lastOneOnOneAt} text={p.lastOneOnOne} relativeOnly /> : p.lastOneOnOne}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
