/**
 * Both texts in one: the lines they share at the start and end once, and in
 * between what was saved meanwhile followed by what you typed. Nothing of
 * either side is left out; the person edits the result before saving.
 */
export function combine(mine: string, theirs: string): string {
  if (mine === theirs || theirs.includes(mine)) return theirs;
  if (mine.includes(theirs)) return mine;
  const a = theirs.split("\n");
  const b = mine.split("\n");
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  return [...a.slice(0, pre), ...midA, ...midB, ...a.slice(a.length - suf)].join("\n");
}
