package io.oiefilter.flow;

import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxAuthenticator;
import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.PasswordRules;

import java.util.List;
import java.util.Optional;

/** Reads what a page shows from Okta's step: the one place that turns remediation names into page content. */
final class PageContents {
    private final StepNavigator navigator;
    private final OieConfig config;

    PageContents(StepNavigator navigator, OieConfig config) {
        this.navigator = navigator;
        this.config = config;
    }

    PageContent of(SignInState state, SignInView view, long resendWaitSeconds) {
        IdxStep step = navigator.stepOf(state);
        String first = step.first().map(IdxRemediation::name).orElse("");
        IdxAuthenticator current = step.current();
        Optional<IdxRemediation> choosing = StepNavigator.selectRemediation(step)
                .or(() -> step.remediation("select-authenticator-unlock-account"));
        SignInState.Purpose purpose = first.equals("identify-recovery") ? SignInState.Purpose.RECOVERY : state.purpose();
        return new PageContent(view, purpose, view == SignInView.NEW_PASSWORD ? newPassword(first) : null,
                step.remediation("identify").map(r -> r.hasField("credentials")).orElse(false),
                current != null && current.recoverHref() != null,
                first.equals("enroll-authenticator") || first.equals("select-authenticator-enroll")
                        || first.equals(PhoneSteps.ENROLLMENT_DATA),
                step.remediation("skip").isPresent(),
                choosing.map(StepNavigator::supportedOptions).orElse(List.of()).stream()
                        .flatMap(o -> choices(o, choosing.get().name().equals("select-authenticator-authenticate"))).toList(),
                current == null ? null : rules(current.rules()),
                step.remediation("enroll-profile").map(SignUpSteps::profileFields).orElse(List.of()).stream()
                        .map(f -> new PageContent.Field(f.name(), f.label(), f.required())).toList(),
                step.remediation("identify").map(r -> r.hasField("rememberMe")).orElse(false),
                step.remediation("unlock-account").isPresent(),
                config.signUpEnabled() && step.remediation("select-enroll-profile").isPresent(),
                current == null ? null : current.sentTo(),
                view == SignInView.TERMINAL ? step.messages().stream().map(OktaText::of).toList() : List.of(),
                view == SignInView.UNSUPPORTED ? step.remediationNames() : List.of(),
                resendWaitSeconds, current == null ? null : current.key(),
                view == SignInView.OTP && current != null ? current.sharedSecret() : null,
                current == null || current.question() == null ? null : current.question().text(),
                current == null ? List.of() : current.questions().stream().map(q -> new PageContent.Question(q.key(), q.text())).toList(),
                phone(step, view), view == SignInView.WEBAUTHN && current != null ? current.webAuthnOptions() : null,
                view == SignInView.OKTA_VERIFY ? OktaVerifyPage.of(step) : null);
    }

    /** The phone's part: its page's choices, or the method a code went by on the code page. */
    private static PageContent.Phone phone(IdxStep step, SignInView view) {
        IdxAuthenticator current = step.current();
        if (current == null || !"phone".equals(current.type())) {
            return null;
        }
        if (view == SignInView.PHONE) {
            Optional<IdxRemediation> data = PhoneSteps.dataStep(step);
            return new PageContent.Phone(data.map(PhoneSteps::methods).orElse(List.of()), data.map(PhoneSteps::asksNumber).orElse(false),
                    null);
        }
        String sentBy = current.methods().size() == 1 && List.of("sms", "voice").contains(current.methods().get(0))
                ? current.methods().get(0) : null;
        return view == SignInView.CODE ? new PageContent.Phone(List.of(), false, sentBy) : null;
    }

    /** An option; verifying, Okta Verify once per method these pages handle (push, code) that Okta lets the person choose. */
    private static java.util.stream.Stream<PageContent.Choice> choices(io.oiefilter.idx.IdxOption o, boolean verifying) {
        List<String> methods = verifying && "okta_verify".equals(o.key())
                ? o.methods().stream().filter(AuthenticatorViews.OKTA_VERIFY_METHODS::contains).toList() : List.of();
        return methods.isEmpty() ? java.util.stream.Stream.of(new PageContent.Choice(o.authenticatorId(), o.type(), o.key()))
                : methods.stream().map(m -> new PageContent.Choice(o.authenticatorId(), m, o.key(), m));
    }

    private static PageContent.NewPassword newPassword(String remediation) {
        return switch (remediation) {
            case "enroll-authenticator" -> PageContent.NewPassword.SET_UP;
            case "reenroll-authenticator" -> PageContent.NewPassword.EXPIRED;
            default -> PageContent.NewPassword.RESET;
        };
    }

    private static PageContent.Rules rules(PasswordRules r) {
        return r == null ? null : new PageContent.Rules(r.minLength(), r.minLowerCase(), r.minUpperCase(), r.minNumber(),
                r.minSymbol(), r.excludeUsername());
    }
}
