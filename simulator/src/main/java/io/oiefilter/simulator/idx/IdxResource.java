package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The IDX API. Each endpoint checks that the transaction offers it, acts, and answers the next state. */
@Path("/idp/idx")
@Consumes(MediaType.WILDCARD)
public final class IdxResource {
    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public IdxResource(Simulator sim) {
        this.sim = sim;
    }

    @POST
    @Path("introspect")
    public Response introspect(String body) {
        JsonNode req = parse(body);
        if (req == null) {
            return badRequest();
        }
        Optional<Interaction> found = req.hasNonNull("interactionHandle")
                ? sim.interactions().byInteractionHandle(req.get("interactionHandle").asText())
                : sim.interactions().byStateHandle(text(req, "stateToken", text(req, "stateHandle", null)));
        return found.map(i -> {
            synchronized (i) {
                if (!sim.org().accessPolicyGrantTypes().contains("interaction_code")) {
                    return answer(200, sim.responses().noMatchingPolicy(i, sim.interactions().expiresAt(i)));
                }
                return state(i, null);
            }
        }).orElseGet(this::sessionExpired);
    }

    @POST
    @Path("identify")
    public Response identify(String body) {
        return step(body, Offer.Kind.IDENTIFY, (req, i) -> {
            Optional<OrgUser> user = sim.org().userByLogin(text(req, "identifier", null));
            boolean oneStep = i.app().signOnMode() == SignOnMode.ONE_STEP && i.intent == Interaction.Intent.LOGIN;
            String passcode = passcode(req);
            boolean recovering = i.intent == Interaction.Intent.RECOVERY;
            boolean allowed = user.isPresent() && (user.get().status().canSignIn()
                    || (recovering && user.get().status() == UserStatus.LOCKED_OUT));
            // Unknown, inactive and locked users, and wrong one-step passwords, all get the same answer.
            if (!allowed || (oneStep && !checkPassword(i, user.get(), passcode))) {
                sim.interactions().newStateHandle(i);
                return state(i, Problem.AUTHENTICATION_FAILED);
            }
            i.user = user.get();
            if (oneStep) {
                i.verified.add(AuthenticatorKind.PASSWORD);
            }
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    @POST
    @Path("enroll")
    public Response selectEnrollProfile(String body) {
        return step(body, Offer.Kind.IDENTIFY, (req, i) -> {
            if (!i.app().selfServiceRegistration() || i.intent != Interaction.Intent.LOGIN) {
                return notOffered(i);
            }
            i.signingUp = true;
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    @POST
    @Path("identify/select")
    public Response backToIdentify(String body) {
        return step(body, Offer.Kind.ENROLL_PROFILE, (req, i) -> {
            i.signingUp = false;
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    /**
     * The profile form. Okta creates the user here, not yet ACTIVE (PROVISIONED, with no
     * authenticator): someone who stops now has an account that cannot sign in until activated.
     */
    @POST
    @Path("enroll/new")
    public Response enrollNew(String body) {
        return step(body, Offer.Kind.ENROLL_PROFILE, (req, i) -> {
            JsonNode profile = req.path("userProfile");
            String email = profile.path("email").asText("").trim();
            String first = profile.path("firstName").asText("").trim();
            String last = profile.path("lastName").asText("").trim();
            if (first.isEmpty()) {
                return state(i, Problem.profile("firstName", "This field cannot be left blank", "model.validation.field.blank"));
            }
            if (last.isEmpty()) {
                return state(i, Problem.profile("lastName", "This field cannot be left blank", "model.validation.field.blank"));
            }
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                return state(i, Problem.profile("email", "'Email' must be in the form of an email address",
                        "registration.error.invalidLoginEmail"));
            }
            for (io.oiefilter.simulator.org.Org.ProfileAttribute a : sim.org().profileAttributes()) {
                if (a.required() && profile.path(a.name()).asText("").isBlank()) {
                    return state(i, Problem.profile(a.name(), "'" + a.label() + "' is required", "model.validation.field.blank"));
                }
            }
            if (sim.org().userByLogin(email).isPresent()) {
                return state(i, Problem.profile("email", "A user with this Email already exists",
                        "registration.error.notUniqueWithinOrg"));
            }
            i.user = sim.org().createUser(email, email, first, last, List.of(), null, UserStatus.PROVISIONED, false,
                    sim.clock().instant());
            i.intent = Interaction.Intent.ACTIVATION; // what remains is enrolling authenticators
            i.signingUp = false;
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    @POST
    @Path("challenge")
    public Response challenge(String body) {
        return step(body, Offer.Kind.SELECT_AUTHENTICATE, (req, i) -> chosen(req, i)
                .map(k -> {
                    i.offer = sim.engine().start(i, k, Interaction.Mode.CHALLENGE);
                    return state(i, null);
                })
                .orElseGet(() -> state(i, new Problem(400, "The authenticator is not available.", "E0000001", false))));
    }

    @POST
    @Path("credential/enroll")
    public Response enroll(String body) {
        return step(body, null, (req, i) -> {
            Offer.Kind at = i.offer.kind();
            if (at != Offer.Kind.SELECT_ENROLL && at != Offer.Kind.ENROLL) {
                return notOffered(i);
            }
            List<AuthenticatorKind> offered = at == Offer.Kind.ENROLL ? List.of(AuthenticatorKind.values()) : i.offer.options();
            Optional<AuthenticatorKind> k = chosen(req, i).filter(offered::contains).filter(x -> !i.user.enrolled(x));
            if (k.isEmpty()) {
                return state(i, new Problem(400, "The authenticator is not available.", "E0000001", false));
            }
            i.offer = sim.engine().start(i, k.get(), Interaction.Mode.ENROLL);
            return state(i, null);
        });
    }

    @POST
    @Path("challenge/answer")
    public Response answer(String body) {
        return step(body, null, (req, i) -> {
            if (i.current == null) {
                return notOffered(i);
            }
            String passcode = passcode(req);
            Instant now = sim.clock().instant();
            if (i.current == AuthenticatorKind.EMAIL) {
                if (!sim.engine().emailCodeMatches(i, passcode)) {
                    return state(i, Problem.CODE_INVALID);
                }
                if (i.mode == Interaction.Mode.ENROLL) {
                    i.user.enrollEmail(now);
                }
            } else if (i.mode == Interaction.Mode.CHALLENGE) {
                if (!checkPassword(i, i.user, passcode)) {
                    return state(i, i.user.status() == UserStatus.LOCKED_OUT ? Problem.LOCKED : Problem.PASSWORD_INCORRECT);
                }
            } else {
                List<String> unmet = sim.org().passwordPolicy().unmet(passcode, i.user);
                if (!unmet.isEmpty()) {
                    return state(i, Problem.passwordRequirements(String.join(", ", unmet)));
                }
                if (i.mode == Interaction.Mode.REENROLL && i.user.passwordMatches(passcode)) {
                    return state(i, Problem.passwordRequirements("not your current password"));
                }
                i.user.password(passcode, now);
                if ((i.mode == Interaction.Mode.RESET && i.user.status() == UserStatus.LOCKED_OUT)
                        || (i.mode == Interaction.Mode.REENROLL && i.user.status() == UserStatus.PASSWORD_EXPIRED)) {
                    i.user.status(UserStatus.ACTIVE, now); // unlocked through recovery, or the expired password changed
                }
            }
            sim.engine().complete(i);
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    @POST
    @Path("challenge/resend")
    public Response resend(String body) {
        return step(body, null, (req, i) -> {
            if (i.current != AuthenticatorKind.EMAIL) {
                return notOffered(i);
            }
            sim.engine().sendEmailCode(i);
            return state(i, null);
        });
    }

    @POST
    @Path("challenge/poll")
    public Response poll(String body) {
        return step(body, null, (req, i) -> i.current != AuthenticatorKind.EMAIL ? notOffered(i) : state(i, null));
    }

    @POST
    @Path("skip")
    public Response skip(String body) {
        return step(body, null, (req, i) -> {
            if (!i.offer.skippable()) {
                return notOffered(i);
            }
            i.optionalSkipped = true;
            i.current = null;
            i.mode = null;
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    @POST
    @Path("recover")
    public Response recover(String body) {
        return step(body, null, (req, i) -> {
            if (i.offer.kind() != Offer.Kind.IDENTIFY && !(i.offer.kind() == Offer.Kind.CHALLENGE && i.current == AuthenticatorKind.PASSWORD)) {
                return notOffered(i);
            }
            // The stateHandle stays: okta-idx-java 2.0.0 identifies with the one it had before recovering.
            i.intent = Interaction.Intent.RECOVERY;
            i.current = null;
            i.mode = null;
            i.verified.clear();
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    @POST
    @Path("cancel")
    public Response cancel(String body) {
        return step(body, null, (req, i) -> {
            i.intent = Interaction.Intent.LOGIN;
            i.user = null;
            i.current = null;
            i.mode = null;
            i.verified.clear();
            i.optionalSkipped = false;
            sim.interactions().newStateHandle(i);
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    private boolean checkPassword(Interaction i, OrgUser user, String passcode) {
        if (user.status() == UserStatus.LOCKED_OUT) {
            return false;
        }
        if (user.passwordMatches(passcode)) {
            return true;
        }
        user.wrongPassword(sim.org().passwordPolicy().maxAttempts(), sim.clock().instant());
        return false;
    }

    private Optional<AuthenticatorKind> chosen(JsonNode req, Interaction i) {
        return sim.org().authenticatorById(req.path("authenticator").path("id").asText(null))
                .filter(k -> i.offer.kind() != Offer.Kind.SELECT_AUTHENTICATE || i.offer.options().contains(k));
    }

    /** Finds the transaction by stateHandle, checks it is at the expected offer, and runs the step. */
    private Response step(String body, Offer.Kind expected, BiFunction<JsonNode, Interaction, Response> action) {
        JsonNode req = parse(body);
        if (req == null) {
            return badRequest();
        }
        Optional<Interaction> found = sim.interactions().byStateHandle(text(req, "stateHandle", null));
        if (found.isEmpty()) {
            return sessionExpired();
        }
        Interaction i = found.get();
        synchronized (i) {
            if (expected != null && i.offer.kind() != expected) {
                return notOffered(i);
            }
            return action.apply(req, i);
        }
    }

    private Response state(Interaction i, Problem problem) {
        return answer(problem == null ? 200 : problem.status(),
                sim.responses().state(i, sim.interactions().expiresAt(i), problem, sim.engine().enrollable(i)));
    }

    private Response notOffered(Interaction i) {
        return answer(400, sim.responses().terminal("The request was not completed. Try again.", "idx.request.not.completed"));
    }

    private static String passcode(JsonNode req) {
        return req.path("credentials").path("passcode").asText(null);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode n = json.readTree(body == null ? "" : body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field, String fallback) {
        return n.hasNonNull(field) ? n.get(field).asText() : fallback;
    }

    private Response sessionExpired() {
        return answer(401, sim.responses().terminal("The session has expired.", "idx.session.expired"));
    }

    private Response badRequest() {
        return answer(400, sim.responses().terminal("The request body was not well-formed.", "E0000003"));
    }

    private static Response answer(int status, JsonNode body) {
        // Set as text: Jersey would rewrite a MediaType without the space that Okta sends.
        return Response.status(status).header("Content-Type", IdxResponses.ION_JSON).entity(body.toString()).build();
    }
}
