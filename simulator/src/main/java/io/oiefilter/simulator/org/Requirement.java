package io.oiefilter.simulator.org;

/** What the authenticator enrollment policy says of one authenticator. */
public enum Requirement { REQUIRED, OPTIONAL, NOT_ALLOWED }
