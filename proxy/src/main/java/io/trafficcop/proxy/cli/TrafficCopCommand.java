package io.trafficcop.proxy.cli;

/** Placeholder entry point, replaced by the picocli command. */
public final class TrafficCopCommand {
    public static void main(String[] args) {
        System.out.println("trafficcop");
    }
}
