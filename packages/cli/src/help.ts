import { EXIT_CODES_HELP } from './exit-codes';

export const PROGRAM_HELP = `
Examples:
  kvdoctor diagnose pipeline.log
  kvdoctor diagnose logs_1234.zip --format markdown --out ticket.md
  az keyvault secret show --vault-name kv --name s 2>&1 | kvdoctor diagnose -
  kvdoctor explain ForbiddenByFirewall
${EXIT_CODES_HELP}`;

export const DIAGNOSE_HELP = `
Inputs:
  A file of any name; a folder, read recursively for .log, .txt, .json and .zip files; a .zip of
  pipeline logs as Azure DevOps or GitHub Actions download it (its .log/.txt/.json entries are read,
  named archive.zip!path/in/archive.txt); or - for standard input (also the default when standard
  input is not a terminal). Text is read as UTF-8, as UTF-16 with a byte-order mark, or as Latin-1
  when it is not valid UTF-8. An input that cannot be read is named on stderr with the reason, and
  the run goes on.

Formats:
  text      for people (default): headings, the fix commands ready to copy; colour on a terminal
            (NO_COLOR turns it off, FORCE_COLOR on)
  markdown  to paste into a ticket
  json      one JSON document: an array in input order whose items are either
            {"input", "encoding", "report"} (report: the @kvdoctor/diagnose Report) or
            {"input", "error": {"code", "message"}}; error codes: not-found, unreadable, binary,
            not-text, corrupt-zip, no-logs, internal-error
  csv       one row per finding, with a header row, for a spreadsheet of tickets

  With more than one input, text and markdown end with a summary table (findings per family,
  inputs with none, inputs that could not be read); for json and csv it goes to stderr on a
  terminal. Nothing is written to any file unless --out is given. Only redacted evidence from
  the logs is ever printed.
${EXIT_CODES_HELP}`;

export const EXPLAIN_HELP = `
CODE is an error code or name (ForbiddenByFirewall, AKV10032, AADSTS70021) or a family id
(firewall). An unknown code exits 2 and lists near matches.
${EXIT_CODES_HELP.replace('  1  findings reported\n', '')}`;

export const RANGES_HELP = `
Download the weekly file from https://www.microsoft.com/en-us/download/details.aspx?id=56519.
The cache is $XDG_CACHE_HOME/kvdoctor/service-tags.json (else ~/.cache/kvdoctor/service-tags.json);
kvdoctor diagnose reads it when present (or a file given with --service-tags); without either it
uses the Azure ranges snapshot shipped with kvdoctor, whose date every Azure owner it names shows.

Exit codes:
  0  imported
  2  usage or input error (the file is missing, not JSON, or not a service-tags file)`;

export const CHECK_HELP = `
A live check signs in with the Azure SDK's DefaultAzureCredential (az login, environment variables,
managed identity) and reads only the subscriptions and tenants you name; it reads the vault's
network rules, private endpoints, role assignments and perimeter through Azure Resource Manager
and changes nothing. --from-az-json assesses offline against what az keyvault show printed (UTF-8
or UTF-16, as Windows PowerShell writes it); it must describe the vault named, and the log's errors
must be about it.

Exit codes:
  0  no gate refuses the log's findings (or the log has none)
  1  a gate still refuses (its fix command is shown)
  2  usage or input error (the az JSON or the log is about another vault), or the live check could
     not read the vault`;
