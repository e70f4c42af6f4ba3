package io.tessera.pacs.web;

import io.tessera.pacs.admin.DashboardService;
import io.tessera.pacs.admin.DashboardView;
import io.tessera.pacs.admin.HourCount;
import io.tessera.pacs.admin.StorageArea;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The home dashboard (/index.xhtml, issue 8): today's counts, the last 24 hours, storage, refusals, failed forward tasks. */
@Named
@RequestScoped
public class DashboardPage {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00");

    @EJB
    private DashboardService service;

    private DashboardView view;

    public DashboardView getView() {
        if (view == null) {
            try {
                view = service.dashboard();
            } catch (RuntimeException e) {
                // the home page must always load (it greets the user): the dashboard says what failed instead
                java.util.logging.Logger.getLogger(DashboardPage.class.getName())
                        .log(java.util.logging.Level.WARNING, "dashboard failed", e);
                view = new DashboardView();
                view.setZone(ZoneId.systemDefault().getId());
                view.setHourly(List.of());
                view.setAreas(List.of());
                view.setRefusals(Map.of());
                jakarta.faces.context.FacesContext.getCurrentInstance().addMessage(null,
                        new jakarta.faces.application.FacesMessage(jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                                "Dashboard unavailable", "The figures could not be read; the server log has the details."));
            }
        }
        return view;
    }

    /** Chart.js configuration of the ingest-rate bar chart: instances per hour, labelled in the server's zone. */
    public String getIngestChart() {
        ZoneId zone = ZoneId.of(getView().getZone());
        List<HourCount> hours = getView().getHourly();
        String labels = hours.stream().map(h -> json(HOUR.format(h.getStart().atZone(zone)))).collect(Collectors.joining(","));
        String data = hours.stream().map(h -> Long.toString(h.getInstances())).collect(Collectors.joining(","));
        return "{\"type\":\"bar\",\"data\":{\"labels\":[" + labels + "],\"datasets\":[{\"label\":\"Instances received\","
                + "\"backgroundColor\":\"#42a5f5\",\"data\":[" + data + "]}]},\"options\":{\"animation\":false,"
                + "\"maintainAspectRatio\":false,\"scales\":{\"y\":{\"beginAtZero\":true,\"ticks\":{\"precision\":0}}}}}";
    }

    /** Chart.js configuration of the storage chart: used and free gigabytes per area, stacked horizontal bars. */
    public String getStorageChart() {
        List<StorageArea> areas = getView().getAreas();
        String labels = areas.stream().map(a -> json(a.getPath())).collect(Collectors.joining(","));
        String used = areas.stream().map(a -> gb(a.getUsedBytes())).collect(Collectors.joining(","));
        String free = areas.stream().map(a -> gb(Math.max(a.getFreeBytes(), 0))).collect(Collectors.joining(","));
        return "{\"type\":\"bar\",\"data\":{\"labels\":[" + labels + "],\"datasets\":["
                + "{\"label\":\"Used by images (GB)\",\"backgroundColor\":\"#ef6c00\",\"data\":[" + used + "]},"
                + "{\"label\":\"Free (GB)\",\"backgroundColor\":\"#66bb6a\",\"data\":[" + free + "]}]},"
                + "\"options\":{\"indexAxis\":\"y\",\"animation\":false,\"maintainAspectRatio\":false,"
                + "\"scales\":{\"x\":{\"stacked\":true,\"beginAtZero\":true},\"y\":{\"stacked\":true}}}}";
    }

    public long getIngestLast24h() {
        return getView().getHourly().stream().mapToLong(HourCount::getInstances).sum();
    }

    public String refusalsText() {
        Map<String, Long> r = getView().getRefusals();
        if (r == null || r.isEmpty()) {
            return "none";
        }
        return r.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    public String bytes(long n) {
        if (n < 0) {
            return "unknown";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.3f", bytes / (1024.0 * 1024 * 1024));
    }

    /** A JSON string literal, safe inside a script element too. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
