package io.oiefilter.it.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/** Which jars hold a class: to check what a server (or a WAR) does not have, e.g. JCache on Tomcat. */
public final class JarSearch {
    private JarSearch() {
    }

    /** The jars under these folders (at any depth) that hold {@code resource}, e.g. {@code javax/cache/Cache.class}. */
    public static List<Path> inFolders(List<Path> folders, String resource) throws IOException {
        List<Path> holding = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> jars;
            try (Stream<Path> files = Files.walk(folder)) {
                jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry(resource) != null) {
                        holding.add(jar);
                    }
                }
            }
        }
        return holding;
    }

    /** The entries of {@code war} (its classes, or a jar in its WEB-INF/lib) that hold {@code resource}. */
    public static List<String> inWar(Path war, String resource) throws IOException {
        List<String> holding = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            if (zip.getEntry("WEB-INF/classes/" + resource) != null) {
                holding.add("WEB-INF/classes");
            }
            for (ZipEntry entry : zip.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/")).toList()) {
                try (InputStream in = zip.getInputStream(entry); ZipInputStream jar = new ZipInputStream(in)) {
                    for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        if (inner.getName().equals(resource)) {
                            holding.add(entry.getName());
                            break;
                        }
                    }
                }
            }
        }
        return holding;
    }
}
