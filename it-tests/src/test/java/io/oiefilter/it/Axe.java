package io.oiefilter.it;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core (from npm, installed by the build into target/node-clients) run on the page a browser shows:
 * its serious and critical violations, each as "rule: elements".
 */
final class Axe {
    private static String source;

    private Axe() {
    }

    /** Asserts the page has no serious or critical accessibility violation (WCAG 2.x A and AA rules, best practices). */
    static void assertAccessible(WebDriver browser, String page) throws IOException {
        assertEquals(List.of(), seriousViolations(browser), page + " (" + browser.getCurrentUrl() + ")");
    }

    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver browser) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script()); // through the driver: the page's Content-Security-Policy does not apply
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) found;
    }

    private static synchronized String script() throws IOException {
        if (source == null) {
            Path axe = Path.of(System.getProperty("it.nodeClients", "target/node-clients"), "node_modules", "axe-core", "axe.min.js");
            if (!Files.isReadable(axe)) {
                throw new IllegalStateException("axe-core is not installed at " + axe + ": the it-tests build runs npm ci");
            }
            source = Files.readString(axe);
        }
        return source;
    }
}
