package org.salesops.infra.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a Java program started as a process of its own. */
record JavaCommand(Path javaHome, List<String> jvmOptions, String classpath, String mainClass, List<String> arguments) {

    JavaCommand {
        jvmOptions = List.copyOf(jvmOptions);
        arguments = List.copyOf(arguments);
    }

    /** The Java running this code: the broker needs nothing newer than what runs the stack. */
    static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(javaHome.resolve("bin").resolve("java").toString());
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(classpath);
        argv.add(mainClass);
        argv.addAll(arguments);
        return argv;
    }
}
