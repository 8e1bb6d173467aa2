import { redirect } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/viewer";
import { navFor } from "@/lib/shell/nav";

/** "/" sends each viewer to their home: managers to /team, admins to /org, everyone else to /me. */
export default async function Home() {
  const viewer = await requirePageViewer();
  redirect((await navFor(viewer)).home);
}
