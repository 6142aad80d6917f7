// The size tables tools/bloat.mjs and tools/bloat-lines.mjs print into docs/performance.md.

export const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

/** The 20 largest of `sizes` (a Map from name to bytes) as a Markdown table with each one's share of `total`. */
export function printShares(heading, sizes, total) {
  console.log(`| ${heading} | Bytes | Share |`);
  console.log("| --- | --- | --- |");
  for (const [name, size] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`| \`${name}\` | ${kb(size)} | ${((100 * size) / total).toFixed(1)} % |`);
  }
}
