package io.oiefilter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** What an unauthenticated request to a protected path gets. */
public interface AuthenticationEntryPoint {
    void commence(HttpServletRequest request, HttpServletResponse response, String signInPath) throws IOException;
}
