package io.oiefilter.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The built sample WAR's {@code WEB-INF/lib} is exactly what {@code sample-war/THIRD-PARTY.md} lists: a jar added,
 * removed or moved to another version (a new SDK, an override dropped, a transitive change) fails here until the list,
 * and the review that goes with it, is updated. Reads the files only; no server is started.
 */
class SampleWarContentsIT {
    private static final String LIST_NAME = "sample-war/THIRD-PARTY.md";
    private static final String TABLE_HEADING = "## WEB-INF/lib";
    /** {@code name-version.jar}, the version starting at the first "-digit" (maven-war-plugin's default file name). */
    private static final Pattern JAR = Pattern.compile("(.+?)-(\\d.*)\\.jar");
    /** A table row whose first two cells are {@code `name`} and {@code `version`}. */
    private static final Pattern ROW = Pattern.compile("\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|.*");

    /** Jar name to version, from the WAR's WEB-INF/lib. */
    private static Map<String, String> jarsInWar(Path war) throws IOException {
        Map<String, String> jars = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String path = entry.getName();
                if (entry.isDirectory() || !path.startsWith("WEB-INF/lib/")) {
                    continue;
                }
                String file = path.substring("WEB-INF/lib/".length());
                Matcher m = JAR.matcher(file);
                if (file.contains("/") || !m.matches()) {
                    problems.add("not a name-version.jar: " + path);
                } else if (jars.put(m.group(1), m.group(2)) != null) {
                    problems.add("two versions of " + m.group(1) + " in WEB-INF/lib");
                }
            }
        }
        assertTrue(problems.isEmpty(), war + ": " + problems);
        return jars;
    }

    /** Jar name to version, from the table under {@value #TABLE_HEADING} in the list. */
    private static Map<String, String> jarsInList(Path list) throws IOException {
        Map<String, String> jars = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(list)) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals(TABLE_HEADING);
                continue;
            }
            Matcher m = ROW.matcher(line.strip());
            if (inSection && m.matches() && jars.put(m.group(1), m.group(2)) != null) {
                duplicates.add(m.group(1));
            }
        }
        assertFalse(jars.isEmpty(), list + " has no table rows under '" + TABLE_HEADING + "'");
        assertTrue(duplicates.isEmpty(), list + " lists these jars twice: " + duplicates);
        return jars;
    }

    @Test
    void webInfLibIsExactlyTheCommittedList() throws IOException {
        Path war = Path.of(Objects.requireNonNull(System.getProperty("it.sampleWar"), "system property it.sampleWar"));
        Path list = Path.of(Objects.requireNonNull(System.getProperty("it.thirdPartyList"), "system property it.thirdPartyList")).normalize();
        assertTrue(Files.isRegularFile(war), "no WAR at " + war);
        assertTrue(Files.isRegularFile(list), "no list at " + list);

        Map<String, String> built = jarsInWar(war);
        Map<String, String> listed = jarsInList(list);

        List<String> differences = new ArrayList<>();
        for (String name : new TreeSet<>(built.keySet())) {
            if (!listed.containsKey(name)) {
                differences.add("added:   " + name + "-" + built.get(name) + ".jar is in the WAR but not in the list");
            } else if (!listed.get(name).equals(built.get(name))) {
                differences.add("changed: " + name + " is " + built.get(name) + " in the WAR, " + listed.get(name) + " in the list");
            }
        }
        for (String name : new TreeSet<>(listed.keySet())) {
            if (!built.containsKey(name)) {
                differences.add("removed: " + name + " " + listed.get(name) + " is in the list but not in the WAR");
            }
        }
        if (!differences.isEmpty()) {
            fail("The sample WAR's WEB-INF/lib differs from " + LIST_NAME + " (" + list + "):\n  "
                    + String.join("\n  ", differences)
                    + "\nReview the jars (version, origin, known vulnerabilities) and update the table under '"
                    + TABLE_HEADING + "' to match.");
        }
    }
}
