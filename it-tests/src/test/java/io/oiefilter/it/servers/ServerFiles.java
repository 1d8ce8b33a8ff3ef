package io.oiefilter.it.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores of the servers started from a distribution folder: a fresh base folder, jars copied in. */
public final class ServerFiles {
    private ServerFiles() {
    }

    /** {@code dir}, emptied if it existed: every start begins from a known state. */
    public static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** The jars these paths name: a jar itself, or every jar directly in a folder. */
    public static List<Path> jars(List<Path> jarsOrFolders) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (Path p : jarsOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
                }
            } else if (Files.isRegularFile(p)) {
                jars.add(p);
            } else {
                throw new IOException("no jar or folder at " + p + " (is it installed by the build?)");
            }
        }
        return jars;
    }

    /** Copies each file into {@code dir}, keeping its name. */
    public static void copyInto(List<Path> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path f : files) {
            Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An app's context root: its WAR's file name without {@code .war}. */
    public static String contextRoot(Path war) {
        String file = war.getFileName().toString();
        return file.endsWith(".war") ? file.substring(0, file.length() - 4) : file;
    }
}
