package io.oiefilter.simulator;

import io.oiefilter.simulator.faults.FaultServletFilter;
import io.oiefilter.simulator.faults.Faults;
import jakarta.servlet.annotation.WebFilter;

/** The WAR's fault filter, on the deployment's simulator. */
@WebFilter("/*")
public class HostedFaultFilter extends FaultServletFilter {
    @Override
    protected Faults faults() {
        return SimulatorApplication.instance().faults();
    }

    @Override
    protected io.oiefilter.simulator.org.Org org() {
        return SimulatorApplication.instance().org();
    }
}
