package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.List;
import java.util.Optional;

/** The IDX API. Each endpoint checks that the transaction offers it, acts, and answers the next state. */
@Path("/idp/idx")
@Consumes(MediaType.WILDCARD)
public final class IdxResource extends IdxEndpoint {

    private final UnlockSteps unlock;
    private final PhoneSteps phone;
    private final InProgressAnswers answers;

    @Inject
    public IdxResource(Simulator sim) {
        super(sim);
        this.unlock = new UnlockSteps(sim);
        this.phone = new PhoneSteps(sim);
        this.answers = new InProgressAnswers(sim, phone);
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
            // okta-idx-java 2.0.0 always sends rememberMe; Okta accepts it. Recorded, nothing depends on it.
            i.rememberMe = req.path("rememberMe").isBoolean() ? req.get("rememberMe").asBoolean() : null;
            Optional<OrgUser> user = sim.org().userByLogin(text(req, "identifier", null));
            boolean oneStep = i.app().signOnMode() == SignOnMode.ONE_STEP && i.intent == Interaction.Intent.LOGIN;
            String passcode = passcode(req);
            boolean recovering = i.intent == Interaction.Intent.RECOVERY;
            boolean allowed = user.isPresent() && (user.get().status().canSignIn()
                    || (recovering && user.get().status() == UserStatus.LOCKED_OUT));
            // Unknown, inactive and locked users, and wrong one-step passwords, all get the same answer.
            if (!allowed || (oneStep && !answers.checkPassword(i, user.get(), passcode))) {
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

    /** Self-service unlock, offered on the identify page; see {@link UnlockSteps}. */
    @POST
    @Path("unlock-account")
    public Response unlockAccount(String body) {
        return step(body, null, (req, i) -> {
            if (!unlock.offered(i)) {
                return notOffered(i);
            }
            unlock.start(i);
            return state(i, null);
        });
    }

    @POST
    @Path("challenge")
    public Response challenge(String body) {
        return step(body, null, (req, i) -> unlock.choosing(i) ? state(i, unlock.choose(req, i))
                : i.offer.kind() != Offer.Kind.SELECT_AUTHENTICATE && !phone.choosingMethod(i) && !OktaVerifySteps.verifying(i)
                ? notOffered(i) : chosen(req, i)
                .filter(k -> !phone.choosingMethod(i) || k == AuthenticatorKind.PHONE)
                .filter(k -> !OktaVerifySteps.verifying(i) || k == AuthenticatorKind.OKTA_VERIFY) // resend, or the other method
                .map(k -> {
                    i.ovMethod = req.path("authenticator").path("methodType").asText(null); // Okta Verify's push or totp
                    i.offer = sim.engine().start(i, k, Interaction.Mode.CHALLENGE);
                    return state(i, k == AuthenticatorKind.PHONE ? phone.chosen(i, req.path("authenticator")) : null);
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
            // Enrolling one, the user may pick another the state offers (select-authenticator-enroll lists them).
            List<AuthenticatorKind> offered = at == Offer.Kind.ENROLL ? sim.engine().enrollable(i) : i.offer.options();
            Optional<AuthenticatorKind> k = chosen(req, i).filter(x -> offered.contains(x) || (x == i.current && x == AuthenticatorKind.OKTA_VERIFY))
                    .filter(x -> !i.user.enrolled(x));
            if (k.isEmpty()) {
                return state(i, new Problem(400, "The authenticator is not available.", "E0000001", false));
            }
            boolean verify = k.get() == AuthenticatorKind.OKTA_VERIFY;
            if (verify && !OktaVerifySteps.CHANNELS.contains(req.path("authenticator").path("channel").asText("qrcode"))) {
                return state(i, OktaVerifySteps.CHANNEL_INVALID); // before anything changes
            }
            i.offer = sim.engine().start(i, k.get(), Interaction.Mode.ENROLL);
            return state(i, k.get() == AuthenticatorKind.PHONE ? phone.chosen(i, req.path("authenticator"))
                    : verify ? OktaVerifySteps.channel(i, req.path("authenticator")) : null);
        });
    }

    @POST
    @Path("challenge/answer")
    public Response answer(String body) {
        return step(body, null, (req, i) -> {
            if (unlock.answering(i)) {
                return state(i, unlock.answer(passcode(req), i));
            }
            if (i.current == null) {
                return notOffered(i);
            }
            Problem refused = answers.check(i, req);
            if (refused != null) {
                return state(i, refused);
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
            if (phone.resendable(i)) {
                Problem limited = phone.resend(i);
                return limited == null ? state(i, null) : answer(limited.status(), sim.responses().phone().rateLimited(i, sim.interactions().expiresAt(i), limited));
            }
            if (i.current == AuthenticatorKind.OKTA_VERIFY) {
                return OktaVerifySteps.resend(i, sim.outbox(), sim.baseUri(), sim.clock().instant()) ? state(i, null) : notOffered(i);
            }
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
        return step(body, null, (req, i) -> i.current == AuthenticatorKind.OKTA_VERIFY ? state(i, OktaVerifySteps.poll(i, sim.engine()))
                : i.current != AuthenticatorKind.EMAIL ? notOffered(i) : state(i, null));
    }

    /** Okta Verify's enrollment-channel-data: the enrollment link by email or SMS. */
    @POST
    @Path("challenge/send")
    public Response send(String body) {
        return step(body, Offer.Kind.ENROLL, (req, i) -> i.current != AuthenticatorKind.OKTA_VERIFY || "qrcode".equals(i.ovChannel)
                ? notOffered(i) : state(i, OktaVerifySteps.send(i, req, sim.outbox(), sim.baseUri(), sim.clock().instant())));
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
            i.restart();
            sim.interactions().newStateHandle(i);
            sim.engine().advance(i);
            return state(i, null);
        });
    }

    private Optional<AuthenticatorKind> chosen(JsonNode req, Interaction i) {
        return sim.org().authenticatorById(req.path("authenticator").path("id").asText(null))
                .filter(k -> i.offer.kind() != Offer.Kind.SELECT_AUTHENTICATE || i.offer.options().contains(k));
    }
}
