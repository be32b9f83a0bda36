package io.alluse.secrets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Windows Credential Manager (the user's "Windows Credentials"), as generic credentials whose
 * target name is {@code service/account}. Windows encrypts them with the user's logon (DPAPI);
 * they show in Control Panel -> Credential Manager.
 */
final class WindowsCredentialManager implements Keychain {

    private static final int CRED_TYPE_GENERIC = 1;
    private static final int CRED_PERSIST_LOCAL_MACHINE = 2;
    private static final int ERROR_NOT_FOUND = 1168;
    /** CRED_MAX_CREDENTIAL_BLOB_SIZE. */
    static final int MAX_BLOB = 5 * 512;

    // wincred.h CREDENTIALW (x64: 80 bytes)
    static final StructLayout CREDENTIAL = MemoryLayout.structLayout(
            JAVA_INT.withName("Flags"), JAVA_INT.withName("Type"),
            ADDRESS.withName("TargetName"), ADDRESS.withName("Comment"),
            MemoryLayout.structLayout(JAVA_INT, JAVA_INT).withName("LastWritten"),
            JAVA_INT.withName("CredentialBlobSize"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("CredentialBlob"),
            JAVA_INT.withName("Persist"), JAVA_INT.withName("AttributeCount"),
            ADDRESS.withName("Attributes"), ADDRESS.withName("TargetAlias"), ADDRESS.withName("UserName"));
    private final StructLayout callState = Linker.Option.captureStateLayout();
    // "GetLastError" exists in the capture layout on Windows only, hence not static
    private final long lastError = callState.byteOffset(PathElement.groupElement("GetLastError"));

    private final MethodHandle write;
    private final MethodHandle read;
    private final MethodHandle delete;
    private final MethodHandle free;

    private WindowsCredentialManager(SymbolLookup advapi) {
        Linker linker = Linker.nativeLinker();
        Linker.Option captureLastError = Linker.Option.captureCallState("GetLastError");
        // BOOL CredWriteW(PCREDENTIALW Credential, DWORD Flags)
        write = linker.downcallHandle(advapi.findOrThrow("CredWriteW"), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), captureLastError);
        // BOOL CredReadW(LPCWSTR TargetName, DWORD Type, DWORD Flags, PCREDENTIALW *Credential)
        read = linker.downcallHandle(advapi.findOrThrow("CredReadW"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), captureLastError);
        // BOOL CredDeleteW(LPCWSTR TargetName, DWORD Type, DWORD Flags)
        delete = linker.downcallHandle(advapi.findOrThrow("CredDeleteW"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), captureLastError);
        // void CredFree(PVOID Buffer)
        free = linker.downcallHandle(advapi.findOrThrow("CredFree"), FunctionDescriptor.ofVoid(ADDRESS));
    }

    static Optional<WindowsCredentialManager> load() {
        try {
            return Optional.of(new WindowsCredentialManager(SymbolLookup.libraryLookup("Advapi32", Arena.global())));
        } catch (IllegalArgumentException | java.util.NoSuchElementException | IllegalCallerException e) {
            // no such library, or native access denied (--illegal-native-access=deny): the vault file it is
            return Optional.empty();
        }
    }

    static String target(String service, String account) {
        return service + "/" + account;
    }

    @Override
    public String name() {
        return "Windows Credential Manager";
    }

    @Override
    public void store(String service, String account, byte[] secret) {
        if (secret.length > MAX_BLOB) {
            throw failure("store", account, "the secret is longer than " + MAX_BLOB + " bytes");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment blob = arena.allocate(Math.max(1, secret.length));
            MemorySegment.copy(secret, 0, blob, JAVA_BYTE, 0, secret.length);
            try {
                MemorySegment credential = arena.allocate(CREDENTIAL);
                credential.set(JAVA_INT, offset("Type"), CRED_TYPE_GENERIC);
                credential.set(ADDRESS, offset("TargetName"), wide(arena, target(service, account)));
                credential.set(JAVA_INT, offset("CredentialBlobSize"), secret.length);
                credential.set(ADDRESS, offset("CredentialBlob"), blob);
                credential.set(JAVA_INT, offset("Persist"), CRED_PERSIST_LOCAL_MACHINE);
                credential.set(ADDRESS, offset("UserName"), wide(arena, account));
                MemorySegment state = arena.allocate(callState);
                // CredWriteW replaces an existing credential of the same target and type
                int ok = (int) write.invokeExact(state, credential, 0);
                if (ok == 0) {
                    throw failure("store", account, "error " + state.get(JAVA_INT, lastError));
                }
            } finally {
                blob.fill((byte) 0);
            }
        } catch (VaultException e) {
            throw e;
        } catch (Throwable t) {
            throw failure("store", account, t.toString());
        }
    }

    @Override
    public Optional<byte[]> read(String service, String account) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(callState);
            MemorySegment out = arena.allocate(ADDRESS);
            int ok = (int) read.invokeExact(state, wide(arena, target(service, account)), CRED_TYPE_GENERIC, 0, out);
            if (ok == 0) {
                int error = state.get(JAVA_INT, lastError);
                if (error == ERROR_NOT_FOUND) {
                    return Optional.empty();
                }
                throw failure("read", account, "error " + error);
            }
            MemorySegment credential = out.get(ADDRESS, 0).reinterpret(CREDENTIAL.byteSize());
            try {
                int size = credential.get(JAVA_INT, offset("CredentialBlobSize"));
                MemorySegment blob = credential.get(ADDRESS, offset("CredentialBlob")).reinterpret(size);
                return Optional.of(blob.toArray(JAVA_BYTE));
            } finally {
                free.invokeExact(credential);
            }
        } catch (VaultException e) {
            throw e;
        } catch (Throwable t) {
            throw failure("read", account, t.toString());
        }
    }

    @Override
    public void delete(String service, String account) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(callState);
            int ok = (int) delete.invokeExact(state, wide(arena, target(service, account)), CRED_TYPE_GENERIC, 0);
            if (ok == 0 && state.get(JAVA_INT, lastError) != ERROR_NOT_FOUND) {
                throw failure("remove", account, "error " + state.get(JAVA_INT, lastError));
            }
        } catch (VaultException e) {
            throw e;
        } catch (Throwable t) {
            throw failure("remove", account, t.toString());
        }
    }

    private static long offset(String field) {
        return CREDENTIAL.byteOffset(PathElement.groupElement(field));
    }

    /** A NUL-terminated UTF-16 string, as the ...W calls take them. */
    private static MemorySegment wide(Arena arena, String s) {
        return arena.allocateFrom(s, StandardCharsets.UTF_16LE);
    }

    private static VaultException failure(String what, String account, String why) {
        return new VaultException(VaultException.Kind.KEYCHAIN,
                "Windows Credential Manager could not " + what + " '" + account + "': " + why);
    }
}
