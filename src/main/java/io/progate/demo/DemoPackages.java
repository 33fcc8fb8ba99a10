package io.progate.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Tiny but real .aimmspack files of the demo apps, built in code: an .aimms project file, the main model
 * ({@code .ams}, with a declarations section, a formulation section and a procedures section), a WebUI page
 * file, a style sheet and a small image. From one version to the next exactly two files change: the model's
 * formulation section and the WebUI page file; the rest stays byte for byte the same.
 */
public final class DemoPackages {

    /** A demo app: its name, its model's name, and the versions ProGate published of it (oldest first). */
    public record App(String name, String model, String category, List<String> versions) {

        /** The version a newcomer files next. */
        public String nextVersion() {
            String last = versions.get(versions.size() - 1);
            int dot = last.lastIndexOf('.');
            return last.substring(0, dot + 1) + (Integer.parseInt(last.substring(dot + 1)) + 1);
        }

        public String lastVersion() {
            return versions.get(versions.size() - 1);
        }

        /** The file name of a package of this app. */
        public String fileName(String version) {
            return model + "-" + version + ".aimmspack";
        }
    }

    /** The demo apps of the dev profile. */
    public static final List<App> APPS = List.of(
            new App("Demo Planner", "Planner", "Planning", List.of("1.0", "1.1", "1.2")),
            new App("Demo Scheduler", "Scheduler", "Scheduling", List.of("2.0", "2.1")));

    private static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
        'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    private DemoPackages() {
    }

    /** The demo app called {@code name}, if it is one. */
    public static java.util.Optional<App> byModel(String model) {
        return APPS.stream().filter(a -> a.model().equalsIgnoreCase(model)).findFirst();
    }

    /** The package of {@code app} at its {@code index}-th version (0 the first; versions().size() the next). */
    public static byte[] build(App app, int index) {
        String version = index < app.versions().size() ? app.versions().get(index) : app.nextVersion();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(app.model() + ".aimms", text(project(app)));
        entries.put("MainProject/" + app.model() + ".ams", text(model(app, index)));
        entries.put("MainProject/WebUI/webui.json", text(webUi(app, version, index)));
        entries.put("MainProject/WebUI/resources/css/custom.css", text(".header { background: #0b5394; }\n"
                + ".widget-title { font-weight: 600; }\n"));
        entries.put("MainProject/WebUI/resources/images/logo.png", LOGO);
        return zip(entries);
    }

    /** The package of the version after the last one published: what a newcomer files. */
    public static byte[] next(App app) {
        return build(app, app.versions().size());
    }

    private static String project(App app) {
        return "<?xml version=\"1.0\"?>\n<Project AimmsVersion=\"24.6.2.9\" ProjectUUID=\"demo-" + app.model()
                .toLowerCase(Locale.ROOT) + "\">\n  <ModelFileName>MainProject/" + app.model()
                + ".ams</ModelFileName>\n</Project>\n";
    }

    /** The main model; only Section Model_Formulation depends on the version. */
    static String model(App app, int index) {
        String capacity = String.format(Locale.ROOT, "%.2f", 0.80 + 0.05 * index);
        StringBuilder s = new StringBuilder();
        s.append("## ams_version=1.0\n\n");
        s.append("Model Main_").append(app.model()).append(" {\n");
        s.append("    Section Declarations {\n");
        s.append("        Set Sites {\n            Index: s;\n");
        s.append("            Definition: data { Amsterdam, Rotterdam, Utrecht, Eindhoven };\n        }\n");
        s.append("        Set Periods {\n            Index: t;\n            Definition: ElementRange(1, 12, prefix: \"M\");\n        }\n");
        s.append("        Parameter Capacity {\n            IndexDomain: (s,t);\n            Unit: ton;\n        }\n");
        s.append("        Parameter Demand {\n            IndexDomain: t;\n            Unit: ton;\n        }\n");
        s.append("        Parameter UnitCost {\n            IndexDomain: s;\n            Unit: EUR/ton;\n        }\n");
        s.append("    }\n");
        s.append("    Section Model_Formulation {\n");
        s.append("        Variable Production {\n            IndexDomain: (s,t);\n");
        s.append("            Range: [0, ").append(capacity).append(" * Capacity(s,t)];\n        }\n");
        s.append("        Constraint MeetDemand {\n            IndexDomain: t;\n");
        s.append("            Definition: sum(s, Production(s,t)) >= Demand(t);\n        }\n");
        if (index >= 1) {
            s.append("        Constraint BalancedSites {\n            IndexDomain: (s,t);\n");
            s.append("            Definition: Production(s,t) <= ").append(40 + 5 * index)
                    .append(" [%] * sum(s2, Production(s2,t));\n        }\n");
        }
        s.append("        Variable TotalCost {\n            Range: free;\n");
        s.append("            Definition: sum((s,t), UnitCost(s) * Production(s,t));\n        }\n");
        s.append("        MathematicalProgram Plan {\n            Objective: TotalCost;\n");
        s.append("            Direction: minimize;\n            Type: Automatic;\n        }\n");
        s.append("    }\n");
        s.append("    Section Procedures {\n");
        s.append("        Procedure MainExecution {\n            Body: {\n                solve Plan;\n            }\n        }\n");
        s.append("        Procedure MainInitialization {\n            Body: {\n");
        s.append("                Demand(t) := 100 [ton];\n            }\n        }\n");
        s.append("    }\n");
        s.append("}\n");
        return s.toString();
    }

    private static String webUi(App app, String version, int index) {
        StringBuilder s = new StringBuilder();
        s.append("{\n  \"application\": \"").append(app.name()).append("\",\n");
        s.append("  \"title\": \"").append(app.model()).append(" ").append(version).append("\",\n");
        s.append("  \"pages\": [\n");
        s.append("    {\"name\": \"home\", \"title\": \"Home\"},\n");
        s.append("    {\"name\": \"plan\", \"title\": \"Production plan\"}");
        for (int i = 1; i <= index; i++) {
            s.append(",\n    {\"name\": \"review-").append(i).append("\", \"title\": \"Review ").append(i).append("\"}");
        }
        s.append("\n  ]\n}\n");
        return s.toString();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(946_684_800_000L);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
