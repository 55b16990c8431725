// Reads the fenced code blocks of the project's Markdown: README.md,
// docs/*.md and examples/*/README.md. A `ts` block is code: it is compiled
// and run; when a `text` block follows it directly, that block is its
// output, and the run must print exactly that. A `sh` block lists commands.
// Anything else (`text` on its own, `sql`, `json`, `mermaid`) is shown, not run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface CodeBlock {
  /** The Markdown file, from the repository root. */
  readonly file: string;
  /** The line of the opening fence, 1-based. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  /** The `text` block right after a `ts` block: what running it prints. */
  readonly output?: string;
}

export function markdownFiles(root: string): string[] {
  const files = ["README.md"];
  const docs = join(root, "docs");
  for (const f of readdirSync(docs).sort()) if (f.endsWith(".md")) files.push(`docs/${f}`);
  const examples = join(root, "examples");
  for (const d of readdirSync(examples).sort()) {
    if (existsSync(join(examples, d, "README.md"))) files.push(`examples/${d}/README.md`);
  }
  return files;
}

export function codeBlocks(root: string, file: string): CodeBlock[] {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const raw: { line: number; lang: string; code: string; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*([\w-]*)/.exec(lines[i] ?? "");
    if (open === null) continue;
    const fence = open[2] ?? "```";
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] ?? "").trimStart().startsWith(fence))
      body.push(lines[j++] ?? "");
    raw.push({ line: i + 1, lang: open[3] ?? "", code: body.join("\n"), end: j });
    i = j;
  }
  const blocks: CodeBlock[] = [];
  for (let k = 0; k < raw.length; k++) {
    const b = raw[k]!;
    const next = raw[k + 1];
    const between =
      next === undefined
        ? ""
        : lines
            .slice(b.end + 1, next.line - 1)
            .join("")
            .trim();
    if (b.lang === "text" && k > 0 && blocks.at(-1)?.output === b.code) continue;
    const output =
      (b.lang === "ts" || b.lang === "typescript") && next?.lang === "text" && between === ""
        ? next.code
        : undefined;
    blocks.push({
      file,
      line: b.line,
      lang: b.lang,
      code: b.code,
      ...(output === undefined ? {} : { output }),
    });
  }
  return blocks;
}
