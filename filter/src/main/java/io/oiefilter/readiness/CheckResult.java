package io.oiefilter.readiness;

/**
 * One check's answer: OK, FAILED or SKIPPED, and one sentence that says what was found and, when it failed,
 * which setting or admin-console step fixes it. Never a secret, token or code.
 */
public record CheckResult(String name, Status status, String detail) {
    public enum Status { OK, FAILED, SKIPPED }

    public static CheckResult ok(String name, String detail) {
        return new CheckResult(name, Status.OK, detail);
    }

    public static CheckResult failed(String name, String detail) {
        return new CheckResult(name, Status.FAILED, detail);
    }

    public static CheckResult skipped(String name, String detail) {
        return new CheckResult(name, Status.SKIPPED, detail);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
