package io.oiefilter.simulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Users API of Okta's Management API, with SSWS API-token authentication and Okta's lifecycle
 * rules: activate from STAGED or DEPROVISIONED, reactivate only from PROVISIONED, unlock only a
 * LOCKED_OUT user, suspend only an ACTIVE one.
 */
@Path("/api/v1/users")
@Consumes(MediaType.WILDCARD)
public final class UsersResource {
    public static final Duration ACTIVATION_TOKEN_LIFETIME = Duration.ofDays(7);

    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public UsersResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    @Path("{idOrLogin}")
    public Response get(@HeaderParam("Authorization") String auth, @PathParam("idOrLogin") String idOrLogin) {
        return authorized(auth).orElseGet(() -> sim.org().user(idOrLogin)
                .map(u -> ok(UserJson.of(u, sim.baseUri(), json)))
                .orElseGet(() -> OktaErrors.notFound(idOrLogin)));
    }

    @GET
    public Response list(@HeaderParam("Authorization") String auth, @QueryParam("q") String q,
                         @QueryParam("filter") String filter, @QueryParam("search") String search,
                         @QueryParam("limit") @DefaultValue("200") int limit) {
        Optional<Response> denied = authorized(auth);
        if (denied.isPresent()) {
            return denied.get();
        }
        Predicate<OrgUser> match;
        try {
            match = UserQuery.parse(q, filter, search);
        } catch (IllegalArgumentException e) {
            return OktaErrors.error(400, "E0000031", "Invalid search criteria.", e.getMessage());
        }
        ArrayNode out = json.createArrayNode();
        sim.org().users().stream().filter(match).sorted(Comparator.comparing(OrgUser::created).thenComparing(OrgUser::id))
                .limit(Math.max(1, Math.min(limit, 200))).forEach(u -> out.add(UserJson.of(u, sim.baseUri(), json)));
        return ok(out);
    }

    @POST
    public Response create(@HeaderParam("Authorization") String auth, @QueryParam("activate") @DefaultValue("true") boolean activate,
                           String body) {
        Optional<Response> denied = authorized(auth);
        if (denied.isPresent()) {
            return denied.get();
        }
        JsonNode req;
        try {
            req = json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            req = null;
        }
        if (req == null || !req.path("profile").isObject()) {
            return OktaErrors.error(400, "E0000003", "The request body was not well-formed.");
        }
        JsonNode p = req.path("profile");
        String login = p.path("login").asText("");
        String email = p.path("email").asText("");
        if (login.isBlank() || email.isBlank()) {
            return OktaErrors.error(400, "E0000001", "Api validation failed: login",
                    login.isBlank() ? "login: The field cannot be left blank" : "email: The field cannot be left blank");
        }
        if (sim.org().userByLogin(login).isPresent()) {
            return OktaErrors.error(400, "E0000001", "Api validation failed: login",
                    "login: An object with this field already exists in the current organization");
        }
        String password = req.path("credentials").path("password").path("value").asText(null);
        Instant now = sim.clock().instant();
        OrgUser user = sim.org().createUser(login, email, p.path("firstName").asText(""), p.path("lastName").asText(""),
                List.of(), password, UserStatus.STAGED, false, now);
        if (activate) {
            activate(user, false, now);
        }
        return ok(UserJson.of(user, sim.baseUri(), json));
    }

    @POST
    @Path("{id}/lifecycle/activate")
    public Response activate(@HeaderParam("Authorization") String auth, @PathParam("id") String id,
                             @QueryParam("sendEmail") @DefaultValue("true") boolean sendEmail) {
        return lifecycle(auth, id, u -> {
            if (u.status() != UserStatus.STAGED && u.status() != UserStatus.DEPROVISIONED) {
                return u.status() == UserStatus.ACTIVE
                        ? OktaErrors.error(403, "E0000016", "Activation failed because the user is already active")
                        : OktaErrors.notAllowed();
            }
            return ok(activate(u, sendEmail, sim.clock().instant()));
        });
    }

    @POST
    @Path("{id}/lifecycle/reactivate")
    public Response reactivate(@HeaderParam("Authorization") String auth, @PathParam("id") String id,
                               @QueryParam("sendEmail") @DefaultValue("true") boolean sendEmail) {
        return lifecycle(auth, id, u -> u.status() != UserStatus.PROVISIONED ? OktaErrors.notAllowed()
                : ok(activationToken(u, sendEmail, sim.clock().instant())));
    }

    @POST
    @Path("{id}/lifecycle/deactivate")
    public Response deactivate(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return lifecycle(auth, id, u -> {
            if (u.status() == UserStatus.DEPROVISIONED) {
                return OktaErrors.notAllowed();
            }
            u.status(UserStatus.DEPROVISIONED, sim.clock().instant());
            return ok(json.createObjectNode());
        });
    }

    @POST
    @Path("{id}/lifecycle/unlock")
    public Response unlock(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return lifecycle(auth, id, u -> transition(u, UserStatus.LOCKED_OUT, UserStatus.ACTIVE,
                () -> OktaErrors.error(400, "E0000032", "Unlock is not allowed for this user.")));
    }

    @POST
    @Path("{id}/lifecycle/suspend")
    public Response suspend(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return lifecycle(auth, id, u -> transition(u, UserStatus.ACTIVE, UserStatus.SUSPENDED,
                () -> OktaErrors.error(400, "E0000001", "Api validation failed: status", "Cannot suspend a user that is not active")));
    }

    @POST
    @Path("{id}/lifecycle/unsuspend")
    public Response unsuspend(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return lifecycle(auth, id, u -> transition(u, UserStatus.SUSPENDED, UserStatus.ACTIVE,
                () -> OktaErrors.error(400, "E0000001", "Api validation failed: status", "Cannot unsuspend a user that is not suspended")));
    }

    private Response transition(OrgUser u, UserStatus from, UserStatus to, java.util.function.Supplier<Response> refused) {
        if (u.status() != from) {
            return refused.get();
        }
        u.status(to, sim.clock().instant());
        return ok(json.createObjectNode());
    }

    /** STAGED or DEPROVISIONED to ACTIVE (has a password) or PROVISIONED (must finish activation). */
    private ObjectNode activate(OrgUser u, boolean sendEmail, Instant now) {
        if (u.hasPassword()) {
            u.status(UserStatus.ACTIVE, now);
            return json.createObjectNode();
        }
        u.status(UserStatus.PROVISIONED, now);
        return activationToken(u, sendEmail, now);
    }

    /** A new activation token: in the answer with sendEmail=false, in an email to the user otherwise. */
    private ObjectNode activationToken(OrgUser u, boolean sendEmail, Instant now) {
        String token = Org.randomString(20);
        u.activationToken(token, now.plus(ACTIVATION_TOKEN_LIFETIME));
        String url = sim.org().activationLink(sim.baseUri(), token);
        if (sendEmail) {
            sim.outbox().send(u.email(), "Activate your account", "Hi " + u.firstName()
                    + ", your administrator created an account for you. Activate it: " + url, "activation", null, url, now);
            return json.createObjectNode();
        }
        return json.createObjectNode().put("activationUrl", url).put("activationToken", token);
    }

    private Response lifecycle(String auth, String id, java.util.function.Function<OrgUser, Response> action) {
        return ApiTokenCheck.refusalToChange(sim.org(), auth).orElseGet(() -> sim.org().user(id).map(action).orElseGet(() -> OktaErrors.notFound(id)));
    }

    private Optional<Response> authorized(String authorization) {
        return ApiTokenCheck.refusal(sim.org(), authorization);
    }

    private static Response ok(JsonNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The q, filter and search expressions the Users API takes, for the attributes the simulator keeps. */
    static final class UserQuery {
        private UserQuery() {
        }

        static Predicate<OrgUser> parse(String q, String filter, String search) {
            Predicate<OrgUser> p = u -> true;
            if (q != null && !q.isBlank()) {
                String prefix = q.toLowerCase(Locale.ROOT);
                p = p.and(u -> List.of(u.login(), u.email(), u.firstName(), u.lastName()).stream()
                        .anyMatch(v -> v.toLowerCase(Locale.ROOT).startsWith(prefix)));
            }
            for (String expr : new String[] {filter, search}) {
                if (expr != null && !expr.isBlank()) {
                    p = p.and(expression(expr));
                }
            }
            return p;
        }

        private static Predicate<OrgUser> expression(String expr) {
            List<Predicate<OrgUser>> anyOf = new ArrayList<>();
            for (String alternative : expr.split("(?i)\\s+or\\s+")) {
                Predicate<OrgUser> all = u -> true;
                for (String term : alternative.split("(?i)\\s+and\\s+")) {
                    all = all.and(term(term.trim().replaceAll("^\\(|\\)$", "")));
                }
                anyOf.add(all);
            }
            return u -> anyOf.stream().anyMatch(x -> x.test(u));
        }

        private static Predicate<OrgUser> term(String term) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\w.]+)\\s+(eq|sw)\\s+\"([^\"]*)\"").matcher(term);
            if (!m.matches()) {
                throw new IllegalArgumentException("unsupported expression: " + term);
            }
            String field = m.group(1);
            boolean eq = m.group(2).equals("eq");
            String value = m.group(3).toLowerCase(Locale.ROOT);
            java.util.function.Function<OrgUser, String> get = switch (field) {
                case "id" -> OrgUser::id;
                case "status" -> u -> u.status().name();
                case "profile.login" -> OrgUser::login;
                case "profile.email" -> OrgUser::email;
                case "profile.firstName" -> OrgUser::firstName;
                case "profile.lastName" -> OrgUser::lastName;
                default -> throw new IllegalArgumentException("unsupported attribute: " + field);
            };
            return u -> {
                String v = get.apply(u).toLowerCase(Locale.ROOT);
                return eq ? v.equals(value) : v.startsWith(value);
            };
        }
    }
}
