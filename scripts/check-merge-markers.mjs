// Fails when a tracked file still holds a merge-conflict marker: a marker in
// a Markdown file or a fixture would otherwise pass every other check.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const files = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" })
  .split("\0")
  .filter((f) => f !== "" && !f.startsWith("test/fixtures/"));
const marker = /^(<{7} |={7}$|>{7} )/m;
const found = files.filter((f) => {
  try {
    return marker.test(readFileSync(f, "utf8"));
  } catch {
    return false; // a file deleted in the working tree
  }
});
if (found.length > 0) {
  console.error(`merge-conflict markers in: ${found.join(", ")}`);
  process.exit(1);
}
