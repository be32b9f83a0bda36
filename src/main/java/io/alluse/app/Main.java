package io.alluse.app;

public final class Main {
    public static void main(String[] args) {
        System.out.println("java " + Runtime.version() + " args=" + java.util.Arrays.toString(args));
    }
}
