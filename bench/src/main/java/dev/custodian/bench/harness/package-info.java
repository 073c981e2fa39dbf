/**
 * The side-by-side benchmark harness ({@code bench/run.sh}, docs/BENCHMARKS.md): the machine's own
 * ceilings measured in the same run ({@link dev.custodian.bench.harness.Ceilings}), and the report
 * made from a run's raw values ({@link dev.custodian.bench.harness.Report}: a Markdown table and PNG
 * plots). Depends on the JDK and JFreeChart only; the targets are driven by the shell script.
 */
package dev.custodian.bench.harness;
