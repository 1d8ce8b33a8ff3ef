package io.oiefilter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * What an unauthenticated request to a protected path gets ({@code oie.entryPoint}; built in: {@link DefaultAuthenticationEntryPoint};
 * see {@link io.oiefilter.spi.Extensions}).
 */
public interface AuthenticationEntryPoint {
    void commence(HttpServletRequest request, HttpServletResponse response, String signInPath) throws IOException;
}
