// One headline number with its label, for the Monitoring dashboard.
export function KpiCard({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="kpi">
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {detail ? <span className="kpi-detail">{detail}</span> : null}
    </div>
  );
}
