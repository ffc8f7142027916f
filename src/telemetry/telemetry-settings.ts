// Whether traces are exported, decided from the standard OpenTelemetry environment variables alone,
// so that deciding loads none of the OpenTelemetry SDK: with no OTLP endpoint set nothing is imported.

/** True when an OTLP endpoint is set and the SDK is not disabled (OTEL_SDK_DISABLED, OTEL_TRACES_EXPORTER=none). */
export function tracesExportRequested(env: Record<string, string | undefined>): boolean {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!endpoint) return false;
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? 'otlp').split(',').map((name) => name.trim().toLowerCase());
  return !exporters.includes('none');
}
