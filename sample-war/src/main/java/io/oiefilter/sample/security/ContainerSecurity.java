package io.oiefilter.sample.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The sample's pages reach the container's security through this class only: where the server has
 * no Jakarta Security (Tomcat, Jetty, the plain filter mode) it answers 501 instead of failing to load.
 */
public final class ContainerSecurity {
    private static final boolean AVAILABLE = present("jakarta.security.enterprise.SecurityContext")
            && present("jakarta.ejb.EJBAccessException") && present("jakarta.enterprise.inject.spi.CDI");

    /** An HTTP status and its JSON body. */
    public record Answer(int status, String json) {
        static Answer forbidden() {
            return new Answer(403, "{\"error\":\"forbidden\",\"message\":\"Only administrators may use this.\"}");
        }

        static Answer unavailable() {
            return new Answer(501, "{\"error\":\"unavailable\",\"message\":\"This server has no Jakarta Security: "
                    + "the sample runs in filter mode here.\"}");
        }
    }

    private ContainerSecurity() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    /** The EJB with {@code @RolesAllowed("Admins")}: 200, or 403 for anyone else. */
    public static Answer adminReport() {
        return AVAILABLE ? ContainerChecks.adminReport() : Answer.unavailable();
    }

    /** The CDI bean with {@code @RolesAllowed("Admins")}: 200, or 403 for anyone else. */
    public static Answer teamNotes() {
        return AVAILABLE ? ContainerChecks.teamNotes() : Answer.unavailable();
    }

    /** Who the request, the container, Jakarta Security and an EJB each say is calling, and whether in {@code role}. */
    public static Answer whoAmI(HttpServletRequest request, String role) {
        return AVAILABLE ? ContainerChecks.whoAmI(request, role) : Answer.unavailable();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ContainerSecurity.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
