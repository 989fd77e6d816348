package io.trafficcop.proxy.cli;

import picocli.CommandLine;

/** The version of this build, from the jar's manifest. */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"TrafficCop " + current(), "Traefik compatibility: v3.7",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
