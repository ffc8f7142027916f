// Every built-in tool, assembled from the per-area factories, each with its example requests for
// retrieval. Network tools join only when the configuration enables them, so they are absent from
// the catalog otherwise.
import type { RiptideConfig } from '../config/config.js';
import { createCalculatorTool } from './builtin/calculator.js';
import { createNotesTools } from './builtin/notes.js';
import { createSafeMath } from './builtin/safe-math.js';
import { createTextBasicsTools } from './builtin/text-basics.js';
import { createCodeTools } from './library/code-tools.js';
import { createCollectionsTools } from './library/collections-tools.js';
import { createColorTools } from './library/color-tools.js';
import { createCronTools } from './library/cron-tools.js';
import { createCsvTools } from './library/csv-tools.js';
import { createCurrentDatetimeTool } from './library/current-datetime-tool.js';
import { createDatetimeTools } from './library/datetime-tools.js';
import { createDiffTools } from './library/diff-tools.js';
import { createEncodingTools } from './library/encoding-tools.js';
import { createExtractionTools } from './library/extraction-tools.js';
import { createFileTools } from './library/file-tools.js';
import { createFinanceTools } from './library/finance-tools.js';
import { createGeoTools } from './library/geo-tools.js';
import { createHashingTools } from './library/hashing-tools.js';
import { createJsonTools } from './library/json-tools.js';
import { createMarkdownTools } from './library/markdown-tools.js';
import { createMathTools } from './library/math-tools.js';
import { createNetworkTools } from './library/network-tools.js';
import { createRandomTools } from './library/random-tools.js';
import { createRegexTools } from './library/regex-tools.js';
import { createSemverTools } from './library/semver-tools.js';
import { createStatisticsTools } from './library/statistics-tools.js';
import { createTextTools } from './library/text-tools.js';
import { createUnitsTools } from './library/units-tools.js';
import { createUrlTools } from './library/url-tools.js';
import { createValidationTools } from './library/validation-tools.js';
import type { HostLookup } from './network/address-guard.js';
import { createNetworkRequestTools } from './network/network-tools.js';
import { withBuiltinExamples } from './retrieval/builtin-tool-examples.js';
import type { ToolSpec } from './tool-spec.js';

export type BuiltinToolOptions = Pick<RiptideConfig['tools'], 'enableNetwork' | 'networkAllowHosts' | 'searxngUrl'> & {
  /** Replaces DNS resolution for the network tools (tests). */
  lookup?: HostLookup;
};

export function createBuiltinTools(options: BuiltinToolOptions): ToolSpec[] {
  const safeMath = createSafeMath();
  return withBuiltinExamples([
    createCalculatorTool(safeMath),
    ...createTextBasicsTools(),
    ...createNotesTools(),
    ...createTextTools(),
    ...createRegexTools(),
    ...createJsonTools(),
    ...createCsvTools(),
    ...createEncodingTools(),
    ...createHashingTools(),
    ...createMathTools(safeMath),
    ...createStatisticsTools(safeMath),
    ...createDatetimeTools(),
    createCurrentDatetimeTool(),
    ...createUnitsTools(safeMath),
    ...createCollectionsTools(),
    ...createRandomTools(),
    ...createExtractionTools(),
    ...createCodeTools(),
    ...createColorTools(),
    ...createValidationTools(),
    ...createUrlTools(),
    ...createMarkdownTools(),
    ...createDiffTools(),
    ...createSemverTools(),
    ...createCronTools(),
    ...createGeoTools(),
    ...createFinanceTools(),
    ...createNetworkTools(),
    ...createFileTools(),
    ...(options.enableNetwork ? createNetworkRequestTools(options) : []),
  ]);
}
