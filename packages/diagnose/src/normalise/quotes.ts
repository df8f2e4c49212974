// Blogs and chat clients turn quotes curly (the Azure DevOps seed blog even opens with a closing
// quote: ”Forbidden”); matching and JSON-ish extraction want plain ASCII quotes.
const DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const SINGLE = /[\u2018\u2019\u201A\u201B\u2032]/g;

export function straightenQuotes(line: string): string {
  return line.replace(DOUBLE, '"').replace(SINGLE, "'");
}
