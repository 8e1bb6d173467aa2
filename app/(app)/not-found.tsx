import { NotFoundMessage } from "@/components/shell/not-found-message";

/** Inside the signed-in shell, so a mistyped address or a record out of reach keeps the navigation. */
export default function NotFound() {
  return <NotFoundMessage />;
}
