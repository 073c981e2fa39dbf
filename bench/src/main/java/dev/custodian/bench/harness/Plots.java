package dev.custodian.bench.harness;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The harness's two PNG plots, drawn from a run's medians with JFreeChart (headless). */
final class Plots {
    private static final Color CUSTODIAN = new Color(0x1f, 0x77, 0xb4);
    private static final Color ORTHANC = new Color(0xff, 0x7f, 0x0e);
    private static final Color GOAL = new Color(0x2c, 0xa0, 0x2c);
    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private Plots() {}

    /** Storage Commitment latency against instance count, log–log; timeouts drawn at their cap. */
    static void commitLatency(RawResults raw, String title, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        int i = 0;
        for (String target : List.of(SummaryTable.CUSTODIAN, SummaryTable.ORTHANC)) {
            Color color = target.equals(SummaryTable.CUSTODIAN) ? CUSTODIAN : ORTHANC;
            String name = target.equals(SummaryTable.CUSTODIAN) ? "Custodian" : "Orthanc 1.10.1";
            for (int missing : new int[] {0, 10}) {
                XYSeries s = new XYSeries(name + (missing == 0 ? ", all present" : ", 10 % missing"));
                XYSeries timeouts = new XYSeries(name + (missing == 0 ? ", all present" : ", 10 % missing")
                        + ": timeout (at least)");
                for (String key : raw.scenarios("commit:")) {
                    if (SummaryTable.commitMissing(key) != missing) {
                        continue;
                    }
                    OptionalDouble m = raw.median(key, target, "seconds");
                    if (raw.timedOut(key, target)) {
                        timeouts.add(SummaryTable.commitN(key), raw.values(key, target, "timeout").get(0));
                    } else if (m.isPresent()) {
                        s.add(SummaryTable.commitN(key), m.getAsDouble());
                    }
                }
                if (!s.isEmpty()) {
                    data.addSeries(s);
                    r.setSeriesPaint(i, color);
                    r.setSeriesStroke(i, missing == 0 ? SOLID : DASHED);
                    r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
                    i++;
                }
                if (!timeouts.isEmpty()) {
                    data.addSeries(timeouts);
                    r.setSeriesPaint(i, color);
                    r.setSeriesLinesVisible(i, false);
                    r.setSeriesShape(i, triangle());
                    i++;
                }
            }
        }
        XYSeries goals = new XYSeries("goal (10,000 < 1 s, 100,000 < 10 s)");
        goals.add(10_000, 1);
        goals.add(100_000, 10);
        data.addSeries(goals);
        r.setSeriesPaint(i, GOAL);
        r.setSeriesLinesVisible(i, false);
        r.setSeriesShape(i, new Rectangle2D.Double(-6, -1.5, 12, 3));

        LogAxis x = logAxis("instances in the N-ACTION request");
        LogAxis y = logAxis("seconds, N-ACTION-RQ sent → N-EVENT-REPORT received (median)");
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart(title, plot), WIDTH, HEIGHT);
    }

    /** C-STORE ingest rates as bars, with the disk's and the network's ceilings drawn across them. */
    static void ingest(RawResults raw, String title, Path png) throws IOException {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset ceilings = new DefaultCategoryDataset();
        for (int a : new int[] {1, 4}) {
            String column = a == 1 ? "1 association" : "4 associations";
            put(bars, raw.median("ingest:" + a, SummaryTable.CUSTODIAN, "rate"), "Custodian", column);
            put(bars, raw.median("ingest:" + a, SummaryTable.ORTHANC, "rate"), "Orthanc 1.10.1", column);
            put(ceilings, raw.median("ceiling:durable:" + a, SummaryTable.MACHINE, "rate"),
                    "ceiling: durable write (0.5 MB, fsync, rename, dir fsync), as many threads", column);
            put(ceilings, raw.median("ingest:" + a, SummaryTable.DISCARD, "rate"),
                    "ceiling: network only (DiscardScp)", column);
        }
        BarRenderer barRenderer = new BarRenderer();
        barRenderer.setBarPainter(new StandardBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setSeriesPaint(0, CUSTODIAN);
        barRenderer.setSeriesPaint(1, ORTHANC);
        barRenderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0")));
        barRenderer.setDefaultItemLabelsVisible(true);
        CategoryPlot plot = new CategoryPlot(bars, new CategoryAxis(), new NumberAxis("instances/s (median)"),
                barRenderer);
        LineAndShapeRenderer lines = new LineAndShapeRenderer(false, true);
        Shape dash = new Rectangle2D.Double(-60, -2, 120, 4);
        lines.setSeriesShape(0, dash);
        lines.setSeriesPaint(0, Color.DARK_GRAY);
        lines.setSeriesShape(1, dash);
        lines.setSeriesPaint(1, new Color(0xd6, 0x27, 0x28));
        lines.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0")));
        lines.setDefaultItemLabelsVisible(true);
        plot.setDataset(1, ceilings);
        plot.setRenderer(1, lines);
        plot.mapDatasetToRangeAxis(1, 0);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart(title, plot), WIDTH, HEIGHT);
    }

    private static void put(DefaultCategoryDataset d, OptionalDouble v, String row, String column) {
        if (v.isPresent()) {
            d.addValue(v.getAsDouble(), row, column);
        }
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static LogAxis logAxis(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        a.setSmallestValue(0.001);
        a.setTickUnit(new NumberTickUnit(1));   // a tick per power of ten (the unit is in log space)
        a.setMinorTickMarksVisible(true);
        return a;
    }

    private static Shape triangle() {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -6);
        t.lineTo(6, 5);
        t.lineTo(-6, 5);
        t.closePath();
        return t;
    }
}
