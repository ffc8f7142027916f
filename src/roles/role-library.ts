// The wider role library as compact data: per category, the tool categories its roles share and
// one line per role (name, focus, optional extra tool categories). Roles are generated from it.
import type { RoleProfile } from './role-profile.js';

interface RoleGroup {
  category: string;
  toolCategories: string[];
  roles: Array<[name: string, focus: string, extraCategories?: string[]]>;
}

const GROUPS: readonly RoleGroup[] = [
  {
    category: 'engineering',
    toolCategories: ['code', 'text', 'regex', 'json', 'diff'],
    roles: [
      ['backend_engineer', 'designing and implementing server-side APIs, services and data access', ['url']],
      ['frontend_engineer', 'building accessible, fast web user interfaces in HTML, CSS and TypeScript', ['color']],
      ['api_designer', 'designing consistent REST and JSON APIs, schemas and error contracts', ['url', 'validation']],
      ['code_reviewer', 'reviewing code changes for correctness, readability and risk'],
      ['refactoring_specialist', 'restructuring code into smaller, clearer units without changing behaviour'],
      ['debugger', 'finding the root cause of bugs and failing behaviour from symptoms and logs', ['extraction']],
      ['typescript_expert', 'writing and typing TypeScript and JavaScript precisely', ['semver']],
      ['python_expert', 'writing idiomatic, well-tested Python'],
      ['mobile_engineer', 'building iOS and Android apps and their release versions', ['semver']],
      ['regex_specialist', 'writing, explaining and testing regular expressions', ['extraction']],
      ['release_manager', 'planning releases, version bumps and changelogs', ['semver', 'markdown', 'datetime']],
      ['dependency_auditor', 'checking package versions, ranges and upgrade paths', ['semver']],
    ],
  },
  {
    category: 'data',
    toolCategories: ['csv', 'json', 'statistics', 'math', 'collections'],
    roles: [
      ['data_analyst', 'exploring tabular data and summarising it with statistics'],
      ['data_engineer', 'moving, cleaning and reshaping data between CSV, JSON and YAML', ['text']],
      ['data_scientist', 'modelling data: regression, correlation and distributions'],
      ['statistician', 'choosing and computing the right statistics and percentiles'],
      ['sql_analyst', 'answering business questions from tables and aggregates', ['text']],
      ['data_quality_analyst', 'finding missing, duplicate and invalid values in datasets', ['validation']],
      ['bi_developer', 'building metrics, dashboards and reports from data', ['datetime', 'markdown']],
      ['ml_engineer', 'preparing features and evaluating machine-learning models', ['random']],
      ['data_visualization_specialist', 'choosing charts and colours that make data clear', ['color']],
    ],
  },
  {
    category: 'devops',
    toolCategories: ['cron', 'datetime', 'network', 'url', 'text', 'json'],
    roles: [
      ['devops_engineer', 'automating builds, deployments and infrastructure configuration', ['semver']],
      [
        'site_reliability_engineer',
        'keeping services reliable: SLOs, error budgets and incident follow-up',
        ['statistics'],
      ],
      ['cloud_architect', 'designing cloud networks, subnets and service topology'],
      ['kubernetes_operator', 'running workloads on Kubernetes: manifests, scaling and rollouts', ['encoding']],
      ['ci_cd_engineer', 'designing CI/CD pipelines, schedules and release automation', ['semver']],
      [
        'observability_engineer',
        'logs, metrics and traces: parsing and summarising telemetry',
        ['extraction', 'statistics'],
      ],
      ['incident_commander', 'coordinating incident response, timelines and status updates', ['markdown']],
      ['network_engineer', 'IP addressing, CIDR ranges, DNS and routing'],
      ['capacity_planner', 'forecasting load and sizing infrastructure', ['math', 'statistics', 'units']],
    ],
  },
  {
    category: 'security',
    toolCategories: ['hashing', 'encoding', 'validation', 'network', 'url', 'extraction'],
    roles: [
      ['security_engineer', 'hardening systems and reviewing designs for security flaws', ['code']],
      ['security_auditor', 'auditing code and configuration for vulnerabilities', ['code', 'regex']],
      ['penetration_tester', 'thinking like an attacker to find exploitable weaknesses'],
      ['threat_modeler', 'mapping assets, trust boundaries and threats (STRIDE)'],
      ['cryptography_advisor', 'choosing hashes, encodings and key handling correctly'],
      ['incident_responder', 'triaging security incidents and indicators of compromise', ['datetime']],
      ['appsec_reviewer', 'finding injection, SSRF, XSS and auth bugs in web applications', ['code']],
      ['identity_access_specialist', 'designing authentication, authorisation and least privilege'],
    ],
  },
  {
    category: 'qa',
    toolCategories: ['code', 'text', 'diff', 'validation', 'random', 'json'],
    roles: [
      ['qa_engineer', 'planning and writing tests that catch real regressions'],
      ['test_automation_engineer', 'automating end-to-end and integration tests', ['regex']],
      ['accessibility_tester', 'checking interfaces against WCAG, contrast and keyboard use', ['color']],
      ['performance_tester', 'designing load tests and reading latency percentiles', ['statistics']],
      ['exploratory_tester', 'probing software for surprising edge cases and failures'],
      ['test_data_generator', 'generating realistic, seeded test data sets', ['csv', 'collections']],
      ['bug_triager', 'reproducing, deduplicating and prioritising bug reports', ['extraction']],
    ],
  },
  {
    category: 'product',
    toolCategories: ['text', 'markdown', 'statistics', 'datetime'],
    roles: [
      ['product_manager', 'turning goals into prioritised, well-scoped product requirements'],
      ['product_owner', 'writing user stories and acceptance criteria'],
      ['ux_researcher', 'planning user research and synthesising findings', ['knowledge']],
      ['growth_analyst', 'measuring funnels, conversion and retention', ['math', 'finance']],
      ['roadmap_planner', 'sequencing work into a realistic roadmap', ['collections']],
      ['requirements_analyst', 'eliciting and clarifying precise requirements'],
      ['pricing_strategist', 'designing pricing and packaging', ['finance', 'math']],
    ],
  },
  {
    category: 'writing',
    toolCategories: ['text', 'markdown', 'notes', 'files'],
    roles: [
      ['technical_writer', 'writing clear documentation, guides and READMEs'],
      ['copywriter', 'writing persuasive, concise marketing copy'],
      ['editor', 'tightening prose, fixing grammar and consistency', ['diff']],
      ['proofreader', 'catching typos, spelling and punctuation errors', ['diff']],
      ['summarizer', 'condensing long text into accurate summaries'],
      ['translator', 'translating text faithfully between languages'],
      ['speechwriter', 'writing talks and speeches with a clear arc'],
      ['grant_writer', 'writing funding proposals that meet their criteria'],
      ['social_media_writer', 'writing short posts, threads and hashtags', ['extraction']],
    ],
  },
  {
    category: 'research',
    toolCategories: ['knowledge', 'notes', 'web', 'extraction', 'text', 'url'],
    roles: [
      ['market_researcher', 'sizing markets and comparing competitors', ['statistics']],
      ['literature_reviewer', 'surveying papers and summarising the state of the art', ['markdown']],
      ['fact_checker', 'verifying claims against sources'],
      ['competitive_analyst', 'comparing products, features and positioning'],
      ['academic_researcher', 'designing studies and analysing results', ['statistics']],
      ['patent_researcher', 'searching prior art and summarising claims'],
      ['osint_analyst', 'gathering open-source intelligence from public data', ['network']],
      ['trend_analyst', 'spotting trends over time in data and news', ['statistics', 'datetime']],
    ],
  },
  {
    category: 'finance',
    toolCategories: ['finance', 'math', 'statistics', 'datetime', 'csv'],
    roles: [
      ['financial_analyst', 'analysing financial statements, ratios and forecasts'],
      ['accountant', 'bookkeeping, reconciliation and tax-ready figures'],
      ['investment_analyst', 'evaluating investments: returns, NPV and IRR'],
      ['budget_planner', 'building and tracking budgets'],
      ['loan_officer', 'computing loan payments, schedules and affordability'],
      ['tax_advisor', 'estimating taxes, VAT and deductions'],
      ['actuary', 'quantifying risk with probability and statistics', ['random']],
      ['controller', 'closing the books and variance analysis'],
      ['fp_and_a_analyst', 'financial planning, scenarios and rolling forecasts'],
    ],
  },
  {
    category: 'operations',
    toolCategories: ['datetime', 'cron', 'collections', 'csv', 'math', 'text'],
    roles: [
      ['operations_manager', 'running day-to-day operations and improving processes'],
      ['project_manager', 'planning schedules, milestones and dependencies', ['markdown']],
      ['scheduler', 'scheduling meetings, shifts and recurring jobs across time zones'],
      ['supply_chain_analyst', 'inventory, lead times and supply planning', ['statistics']],
      ['logistics_planner', 'routing shipments and estimating distances', ['geo', 'units']],
      ['customer_support_agent', 'answering customer questions clearly and kindly', ['knowledge']],
      ['hr_specialist', 'hiring, onboarding and people processes'],
      ['procurement_specialist', 'comparing vendors, quotes and contracts', ['finance']],
      ['facilities_coordinator', 'managing spaces, bookings and maintenance'],
    ],
  },
  {
    category: 'design',
    toolCategories: ['color', 'text', 'markdown', 'units'],
    roles: [
      ['ux_designer', 'designing user flows and interactions'],
      ['ui_designer', 'visual interface design: layout, type and colour'],
      ['brand_designer', 'defining brand colours, tone and identity'],
      ['design_system_engineer', 'building reusable design tokens and components', ['code', 'json']],
      ['information_architect', 'organising content, navigation and labels'],
      ['content_designer', 'writing interface text and microcopy'],
      ['color_specialist', 'building accessible colour palettes and contrast'],
    ],
  },
  {
    category: 'legal',
    toolCategories: ['text', 'diff', 'markdown', 'knowledge', 'datetime'],
    roles: [
      ['legal_analyst', 'reading contracts and summarising obligations and risks'],
      ['compliance_officer', 'checking processes against regulations and policies'],
      ['privacy_officer', 'GDPR and data-protection reviews, finding personal data', ['extraction']],
      ['contract_reviewer', 'comparing contract versions and flagging changes'],
      ['policy_writer', 'drafting clear internal policies', ['notes']],
      ['license_auditor', 'checking open-source licences and obligations', ['semver']],
      ['risk_manager', 'identifying, scoring and tracking risks', ['math']],
    ],
  },
  {
    category: 'education',
    toolCategories: ['text', 'math', 'markdown', 'knowledge'],
    roles: [
      ['tutor', 'explaining concepts step by step at the learner\u2019s level'],
      ['math_tutor', 'teaching maths with worked examples', ['statistics']],
      ['curriculum_designer', 'designing courses, modules and learning objectives'],
      ['quiz_maker', 'writing quizzes and answer keys', ['random']],
      ['language_coach', 'helping learners improve grammar and vocabulary'],
      ['science_explainer', 'explaining science clearly with units and numbers', ['units']],
      ['coding_instructor', 'teaching programming with small exercises', ['code']],
    ],
  },
  {
    category: 'marketing',
    toolCategories: ['text', 'statistics', 'url', 'extraction', 'markdown'],
    roles: [
      ['marketing_strategist', 'planning campaigns, audiences and messaging'],
      ['seo_specialist', 'improving search ranking: keywords, slugs and metadata'],
      ['email_marketer', 'writing and testing email campaigns'],
      ['community_manager', 'engaging communities and moderating discussions'],
      ['sales_engineer', 'answering technical questions in sales conversations', ['code']],
      ['account_manager', 'keeping customers successful and renewals on track', ['finance']],
      ['campaign_analyst', 'measuring campaign performance and ROI', ['finance', 'math']],
    ],
  },
  {
    category: 'science',
    toolCategories: ['math', 'statistics', 'units', 'geo'],
    roles: [
      ['physicist', 'solving physics problems with units and equations'],
      ['chemist', 'stoichiometry, concentrations and unit conversions'],
      ['biologist', 'analysing biological experiments and measurements'],
      ['geographer', 'distances, coordinates and maps', ['datetime']],
      ['climate_analyst', 'analysing temperature and climate series', ['datetime']],
      ['lab_assistant', 'recording measurements and converting units', ['notes']],
      ['health_data_analyst', 'analysing health metrics like BMI and trends'],
    ],
  },
];

export const LIBRARY_ROLE_PROFILES: readonly RoleProfile[] = GROUPS.flatMap((group) =>
  group.roles.map(([name, focus, extra]) => ({
    name,
    category: group.category,
    focus,
    toolCategories: [...new Set([...group.toolCategories, ...(extra ?? [])])],
  })),
);
