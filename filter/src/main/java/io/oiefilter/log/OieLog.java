package io.oiefilter.log;

/**
 * The filter's log: {@link System.Logger} with every argument neutralised. Logins, paths, Okta's
 * messages and strategy details come from people and servers the filter does not control; a CR or
 * LF in one of them must not start a forged log line, and a control or bidi character must not
 * hide part of one. Patterns are the filter's own text and are kept as they are.
 */
public final class OieLog {
    /** Longer values are cut: a log line is not a place for a 2 MB login. */
    static final int MAX_VALUE_LENGTH = 300;

    private final System.Logger logger;

    private OieLog(System.Logger logger) {
        this.logger = logger;
    }

    public static OieLog of(Class<?> type) {
        return new OieLog(System.getLogger(type.getName()));
    }

    public void debug(String pattern, Object... args) {
        log(System.Logger.Level.DEBUG, pattern, args);
    }

    public void info(String pattern, Object... args) {
        log(System.Logger.Level.INFO, pattern, args);
    }

    public void warn(String pattern, Object... args) {
        log(System.Logger.Level.WARNING, pattern, args);
    }

    public void error(String pattern, Object... args) {
        log(System.Logger.Level.ERROR, pattern, args);
    }

    public void log(System.Logger.Level level, String pattern, Object... args) {
        if (!logger.isLoggable(level)) {
            return;
        }
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = neutralise(args[i]);
        }
        logger.log(level, pattern, safe);
    }

    /**
     * The value as one harmless line: backslash, line breaks, other control characters, Unicode line
     * and paragraph separators and bidi overrides are written as escapes; long values are cut.
     */
    public static String neutralise(Object value) {
        String s = String.valueOf(value);
        int end = Math.min(s.length(), MAX_VALUE_LENGTH);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                            || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (s.length() > end) {
            out.append("…(").append(s.length() - end).append(" more)");
        }
        return out.toString();
    }
}
