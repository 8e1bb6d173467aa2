import { NotFoundMessage } from "@/components/shell/not-found-message";

/** Outside the signed-in shell: the invitation and reset links, and anything the shell does not catch. */
export default function NotFound() {
  return (
    <main className="px-4">
      <NotFoundMessage />
    </main>
  );
}
