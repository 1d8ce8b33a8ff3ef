package io.oiefilter.flow;

import io.oiefilter.idx.IdxField;
import io.oiefilter.idx.IdxOption;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;

import java.util.List;
import java.util.Optional;

/** What an IDX step offers, as the pages need it: its page, its choices, its sign-up fields. */
public final class StepOffers {
    private StepOffers() {
    }

    /** The page for a step, from the remediation Okta leads with and the authenticator it is about. */
    public static SignInView viewFor(IdxStep step) {
        return StepNavigator.viewFor(step);
    }

    /** select-authenticator-authenticate or select-authenticator-enroll, when offered. */
    public static Optional<IdxRemediation> selectRemediation(IdxStep step) {
        return StepNavigator.selectRemediation(step);
    }

    /** The options of a select remediation that this filter has pages for. */
    public static List<IdxOption> supportedOptions(IdxRemediation select) {
        return StepNavigator.supportedOptions(select);
    }

    /** The attributes an enroll-profile form asks for (the fields of its userProfile object). */
    public static List<IdxField> profileFields(IdxRemediation enrollProfile) {
        return SignUpSteps.profileFields(enrollProfile);
    }
}
