package io.alluse.ui.drilldown;

import io.alluse.analytics.series.Curve;
import io.alluse.analytics.series.EquitySeries;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** Turns analytics series into chart lines, and builds the few small category charts. */
public final class Charts {

    private Charts() {
    }

    /** Equity in dollars per day. */
    public static TimeChart.Line equity(String name, EquitySeries s) {
        int[] days = new int[s.size()];
        double[] dollars = new double[s.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = s.epochDay(i);
            dollars[i] = s.equityCents(i) / 100.0;
        }
        return TimeChart.Line.solid(name, days, dollars);
    }

    public static TimeChart.Line curve(String name, Curve c) {
        return TimeChart.Line.solid(name, c.epochDays(), c.values());
    }

    /** A bar chart with no animation, for a handful of categories. */
    static BarChart<String, Number> bars(String id, String yLabel, List<XYChart.Series<String, Number>> series) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setAnimated(false);
        x.setAnimated(false);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.getData().addAll(series);
        chart.setLegendVisible(series.size() > 1);
        chart.setMinHeight(200);
        chart.setPrefHeight(240);
        return chart;
    }
}
