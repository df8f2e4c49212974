import { evidenceIn } from './engine/analyse-message';
import { Collector, type Group } from './engine/collector';
import { type MessageFinding, RegionAnalyser } from './engine/region-analyser';
import { KvdoctorError } from './errors';
import { enrichNetwork } from './network/enrich';
import { HtmlInput } from './normalise/html-input';
import type { ServiceTagIndex } from './network/service-tag-index';
import { PlatformDetector } from './platform/detect';
import { docsForHost } from './platform/host-advice';
import { maskFields } from './redact/mask-fields';
import { DetailsSchema, FactsSchema, type Finding, type Platform, REPORT_VERSION, type Report, ReportSchema } from './report/schema';
import { rules as registry } from './rules';
import type { Rule } from './rule-kit/rule';
import { Scanner, type ScannerOptions, DEFAULT_SCANNER_OPTIONS } from './scan/scanner';
import { markerSearch } from './scan/triggers';

export interface DiagnoseOptions {
  /** Rules to run; defaults to every registered family (tests pass one). */
  readonly rules?: readonly Rule[];
  readonly scanner?: Partial<ScannerOptions>;
  /** Imported Azure service tags (loaded lazily: only a public client address triggers it) to name an address's region. */
  readonly serviceTags?: ServiceTagIndex;
}

/** Streaming form: write chunks of any size (a 1 GB log is fine), then `end()` for the report. */
export interface Diagnoser {
  write(chunk: string): void;
  end(): Report;
}

/** Platform signs sit in a job's first lines; reading only this much keeps the scan linear. */
const PLATFORM_HEAD = 64 * 1024;
/**
 * Regions are read for signs too (a paste that starts mid-job), up to this much text: a sign that
 * is in a log shows up early, and a log that has none (agent unknown) would otherwise have every
 * region tested against every sign (a third of a retry loop's time).
 */
const PLATFORM_REGIONS = 4 * 1024 * 1024;

/**
 * Facts and details are masked before the rule explains them, so no summary, cause or command
 * built from them can carry a secret; evidence was masked when it was taken.
 */
function toFinding(group: Group, platform: Platform, serviceTags: ServiceTagIndex | undefined): { finding: Finding; redactions: number } {
  const maskedFacts = maskFields(group.facts);
  const maskedDetails = maskFields(group.details);
  const facts = enrichNetwork(FactsSchema.parse(maskedFacts.fields), serviceTags);
  const details = DetailsSchema.parse(maskedDetails.fields);
  const explanation = group.rule.explain({ facts, details, platform, serviceTags });
  const redactions = group.redactions + maskedFacts.count + maskedDetails.count;
  const { meta } = group.rule;
  return {
    redactions,
    finding: {
      rule: meta.id,
      title: meta.title,
      summary: explanation.summary,
      severity: meta.severity,
      confidence: group.confidence,
      count: group.count,
      facts,
      details,
      evidence: group.evidence,
      causes: [...explanation.causes],
      fixes: explanation.fixes.map((f) => ({ title: f.title, steps: [...f.steps], commands: [...f.commands] })),
      docs: docsForHost(meta.docs, platform),
    },
  };
}

export function createDiagnoser(options: DiagnoseOptions = {}): Diagnoser {
  const rules = options.rules ?? registry;
  const collector = new Collector();
  const platform = new PlatformDetector();
  let head = 0;
  let regionText = 0;
  // One search over the rules' markers: the scanner runs it over the log, the analyser over messages.
  const search = markerSearch(rules.flatMap((r) => r.markers));
  const analyser = new RegionAnalyser(rules, search);
  const collect = (found: readonly MessageFinding[]): void => {
    for (const { found: f, lines } of found) collector.add(f.rule, f.occurrence.facts, f.occurrence.details, f.occurrence.confidence, () => evidenceIn(lines, f));
  };
  const scanner = new Scanner(
    search,
    (region) => {
      if (regionText < PLATFORM_REGIONS) {
        const text = region.lines.join('\n');
        regionText += text.length;
        platform.feed(text);
      }
      collect(analyser.analyse(region));
    },
    { ...DEFAULT_SCANNER_OPTIONS, ...options.scanner },
  );
  // A formatted paste (Teams, a saved web page) is HTML: it becomes lines before anything reads it.
  const html = new HtmlInput();
  const read = (text: string): void => {
    if (text === '') return;
    if (head < PLATFORM_HEAD) {
      platform.feed(text.slice(0, PLATFORM_HEAD - head));
      head += text.length;
    }
    scanner.write(text);
  };
  return {
    write(chunk: string): void {
      read(html.write(chunk));
    },
    end(): Report {
      read(html.end());
      const stats = scanner.end();
      collect(analyser.end());
      const detected = platform.result();
      let redactions = 0;
      const findings = collector
        .all()
        .sort((a, b) => a.rule.meta.rank - b.rule.meta.rank || (a.evidence[0]?.line ?? 0) - (b.evidence[0]?.line ?? 0))
        .map((g) => {
          const r = toFinding(g, detected, options.serviceTags);
          redactions += r.redactions;
          return r.finding;
        });
      const report = { version: REPORT_VERSION, platform: detected, findings, stats: { ...stats, redactions } };
      const checked = ReportSchema.safeParse(report);
      if (!checked.success) {
        // A rule produced something outside the contract: a bug, never the user's input.
        throw new KvdoctorError('invalid-rule', `report failed its schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      return checked.data;
    },
  };
}

/** Diagnoses a whole text at once: every Key Vault refusal in it, each once, with facts and fixes. */
export function diagnose(text: string, options: DiagnoseOptions = {}): Report {
  const d = createDiagnoser(options);
  d.write(text);
  return d.end();
}
