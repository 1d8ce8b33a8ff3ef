package io.oiefilter.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's REST API, under /api (protected by the filter like /app). */
@ApplicationPath("/api")
public class SampleApi extends Application {
}
