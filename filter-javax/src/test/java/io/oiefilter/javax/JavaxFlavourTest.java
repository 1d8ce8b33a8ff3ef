package io.oiefilter.javax;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What goes into oie-filter-javax's jar: the filter's classes, pages and service files with no jakarta
 * name left, the JSTL 1.2 taglib URIs, and the javax ServletContainerInitializer registration.
 */
class JavaxFlavourTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path JAKARTA_SOURCES = Path.of("..", "filter", "src", "main");

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String latin1(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1); // a class file's names are found as bytes
    }

    @Test
    void everyClassOfTheFilterIsHereWithNoJakartaNameLeft() throws IOException {
        List<Path> sources = files(JAKARTA_SOURCES.resolve("java"), ".java");
        for (Path source : sources) {
            String name = JAKARTA_SOURCES.resolve("java").relativize(source).toString().replaceAll("\\.java$", ".class");
            assertTrue(Files.exists(CLASSES.resolve(name)), "compiled for javax: " + name);
        }
        for (Path c : files(CLASSES, ".class")) {
            assertFalse(latin1(c).contains("jakarta"), "a jakarta reference left in " + c);
        }
        assertTrue(sources.size() > 50, "the filter's sources were found: " + sources.size());
    }

    @Test
    void everyPageIsHereWithTheJstl12TaglibUris() throws IOException {
        Path jakartaPages = JAKARTA_SOURCES.resolve("resources/META-INF/resources/WEB-INF/oie");
        Path pages = CLASSES.resolve("META-INF/resources/WEB-INF/oie");
        assertEquals(files(jakartaPages, "").stream().map(p -> jakartaPages.relativize(p).toString()).toList(),
                files(pages, "").stream().map(p -> pages.relativize(p).toString()).toList());
        for (Path page : files(pages, ".jsp")) {
            assertFalse(Files.readString(page).contains("jakarta"), page.toString());
        }
        for (Path page : files(pages, ".jspf")) {
            assertFalse(Files.readString(page).contains("jakarta"), page.toString());
        }
        String top = Files.readString(pages.resolve("_top.jspf"));
        assertTrue(top.contains("uri=\"http://java.sun.com/jsp/jstl/core\""), top);
        assertTrue(top.contains("uri=\"http://java.sun.com/jsp/jstl/fmt\""), top);
        assertTrue(top.contains("uri=\"http://java.sun.com/jsp/jstl/functions\""), top);
    }

    @Test
    void theInitializerIsRegisteredForJavaxServletContainers() throws IOException {
        Path services = CLASSES.resolve("META-INF/services");
        assertEquals("io.oiefilter.web.SessionCookieInitializer",
                Files.readString(services.resolve("javax.servlet.ServletContainerInitializer")).trim());
        assertFalse(Files.exists(services.resolve("jakarta.servlet.ServletContainerInitializer")));
    }

    @Test
    void theMessagesAreTheFiltersOwn() throws IOException {
        String messages = "io/oiefilter/messages.properties";
        assertEquals(Files.readString(JAKARTA_SOURCES.resolve("resources").resolve(messages)),
                Files.readString(CLASSES.resolve(messages)));
    }
}
