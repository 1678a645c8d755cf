/** Every text of faq:import and faq:export, in one place. */
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const IMPORT_MESSAGES = Object.freeze({
  usage:
    'usage: npm run faq:import -- SOURCE... [--out FILE] [--publisher NAME] [--url URL] [--update] [--dry-run]\n' +
    '  SOURCE: a tags.toml, a folder of Markdown tags, a Markdown or HTML FAQ, a CSV/TSV, or an http(s) address\n',
  urlWithMany: '--url names the address of one source; import the sources one at a time to give each its own\n',
  badUrlFlag: (url: string) => `--url ${url}: not an https:// address\n`,
  exists: (file: string) => `${file} already exists; add --update to change the entries that came from these sources (nothing was written)\n`,
  failed: (problem: string) => `${problem} (nothing was written)\n`,
  wouldBreak: (file: string, issues: string) => `${file} would not pass faq:check, so nothing was written:\n${issues}\n`,
  layout: (file: string) => `${file} is laid out in a way the importer cannot edit safely (flow-style entries?); nothing was written\n`,
  // Reading
  missing: (place: string) => `${place}: no such file or folder`,
  unreadable: (place: string, why: string) => `${place}: cannot be read (${why})`,
  tooBig: (place: string, bytes: number, max: number) => `${place}: ${bytes} bytes is over the ${max}-byte limit for a source`,
  binary: (place: string) => `${place}: this is binary data, not text (a FAQ is read from TOML, Markdown, HTML, CSV or TSV)`,
  empty: (place: string) => `${place}: empty; there is nothing to import`,
  noFaq: (place: string) => `${place}: no questions and answers found (looked for FAQPage data, details/summary, dl/dt/dd and headings)`,
  noMarkdownFaq: (place: string) => `${place}: no questions and answers found (looked for question headings, **Q:**/**A:** and <details>)`,
  nothingFound: (place: string) => `${place}: no entry with both a question and an answer`,
  unknownFormat: (place: string) => `${place}: cannot tell what kind of FAQ this is (name it .toml, .md, .html, .csv or .tsv)`,
  toml: (place: string, line: number, why: string) => `${place}:${line}: not valid TOML: ${why}`,
  tomlTable: (place: string, name: string) => `${place}: [${name}] has no "content" text`,
  tagFolder: (place: string) => `${place}: a folder is read as Markdown tags, and it holds no .md file`,
  frontMatter: (place: string, why: string) => `${place}:1: the front matter is not valid YAML: ${why}`,
  csv: (place: string, why: string) => `${place}: not valid CSV/TSV: ${why}`,
  missingColumn: (place: string, column: string, found: string) => `${place}:1: no "${column}" column (the header has: ${found})`,
  // Fetching
  notHttp: (url: string) => `${url}: only http:// and https:// addresses can be read`,
  fetchFailed: (url: string, why: string) => `${url}: could not be fetched (${why})`,
  httpStatus: (url: string, status: number) => `${url}: the server answered ${status}`,
  timeout: (url: string, seconds: number) => `${url}: no answer within ${seconds} seconds`,
  tooManyRedirects: (url: string, max: number) => `${url}: more than ${max} redirects`,
  notHtml: (url: string, type: string) => `${url}: the page is ${type}, not HTML`,
  // Skips and reviews
  noAnswer: 'no answer under it',
  noQuestion: 'no question',
  duplicate: (id: string) => `the same question as entry "${id}"`,
  madeUp: (name: string) => `question made up from "${name}": reword it`,
  cut: (chars: number) => `answer of ${chars} characters cut at a paragraph, with a link to the rest`,
  questionCut: 'question cut to 256 characters',
  noAddress: (source: string) => `source "${source}" has no web address: set its url (or import again with --url)`,
  readMore: (url: string) => `[Read the rest](${url})`,
  // Report
  wrote: (file: string, dry: boolean) => `${dry ? 'would write' : 'wrote'} ${file}:`,
  counts: (added: number, changed: number, removed: number, unchanged: number) =>
    `  ${n(added, 'entry', 'entries')} added, ${changed} changed, ${removed} removed, ${unchanged} unchanged`,
  entryLine: (what: string, id: string) => `  ${what} ${id}`,
  skippedTitle: (count: number) => `skipped ${n(count, 'entry', 'entries')}:`,
  skipped: (place: string, why: string) => `  ${place}: ${why}`,
  reviewTitle: (count: number) => `to review (${n(count, 'item')}; npm run faq:check -- --strict lists what is left):`,
  review: (place: string, what: string) => `  ${place}: ${what}`,
  commitImport: (source: string) => `import ${source}`,
  fileNote: (sources: string) =>
    `Imported with npm run faq:import from ${sources}.\nQuestions marked with a comment were made up from a name: reword them as members ask.`,
});
