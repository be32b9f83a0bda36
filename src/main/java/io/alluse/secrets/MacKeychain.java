package io.alluse.secrets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The user's login keychain on macOS, as generic passwords (service, account). Uses the
 * SecKeychain*GenericPassword calls: deprecated since macOS 10.10 in favour of SecItem*, but still
 * working and taking plain C strings, where SecItem* needs CoreFoundation dictionaries built by
 * hand. Entries show in Keychain Access under the service name.
 */
final class MacKeychain implements Keychain {

    static final String SECURITY = "/System/Library/Frameworks/Security.framework/Security";
    static final String CORE_FOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation";
    private static final int ERR_SEC_SUCCESS = 0;
    private static final int ERR_SEC_ITEM_NOT_FOUND = -25300;

    private final MethodHandle find;
    private final MethodHandle add;
    private final MethodHandle modify;
    private final MethodHandle freeContent;
    private final MethodHandle delete;
    private final MethodHandle release;

    private MacKeychain(SymbolLookup security, SymbolLookup coreFoundation) {
        Linker linker = Linker.nativeLinker();
        // OSStatus SecKeychainFindGenericPassword(keychain, UInt32 serviceLen, service, UInt32 accountLen, account,
        //                                         UInt32 *passwordLength, void **passwordData, SecKeychainItemRef *item)
        find = linker.downcallHandle(security.findOrThrow("SecKeychainFindGenericPassword"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        // OSStatus SecKeychainAddGenericPassword(keychain, serviceLen, service, accountLen, account,
        //                                        UInt32 passwordLength, const void *passwordData, SecKeychainItemRef *item)
        add = linker.downcallHandle(security.findOrThrow("SecKeychainAddGenericPassword"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        // OSStatus SecKeychainItemModifyAttributesAndData(item, const SecKeychainAttributeList *attrs, UInt32 length, const void *data)
        modify = linker.downcallHandle(security.findOrThrow("SecKeychainItemModifyAttributesAndData"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
        // OSStatus SecKeychainItemFreeContent(SecKeychainAttributeList *attrList, void *data)
        freeContent = linker.downcallHandle(security.findOrThrow("SecKeychainItemFreeContent"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        // OSStatus SecKeychainItemDelete(SecKeychainItemRef item)
        delete = linker.downcallHandle(security.findOrThrow("SecKeychainItemDelete"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
        release = linker.downcallHandle(coreFoundation.findOrThrow("CFRelease"), FunctionDescriptor.ofVoid(ADDRESS));
    }

    static Optional<MacKeychain> load() {
        try {
            // by name, not Path: since macOS 11 the frameworks live in the dyld cache, not as files
            return Optional.of(new MacKeychain(SymbolLookup.libraryLookup(SECURITY, Arena.global()),
                    SymbolLookup.libraryLookup(CORE_FOUNDATION, Arena.global())));
        } catch (IllegalArgumentException | java.util.NoSuchElementException | IllegalCallerException e) {
            // no such library, or native access denied (--illegal-native-access=deny): the vault file it is
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "macOS Keychain";
    }

    @Override
    public void store(String service, String account, byte[] secret) {
        try (Arena arena = Arena.ofConfined()) {
            Text s = Text.of(arena, service);
            Text a = Text.of(arena, account);
            MemorySegment data = arena.allocate(Math.max(1, secret.length));
            MemorySegment.copy(secret, 0, data, JAVA_BYTE, 0, secret.length);
            try {
                MemorySegment itemRef = arena.allocate(ADDRESS);
                int status = (int) find.invokeExact(MemorySegment.NULL, s.length(), s.bytes(), a.length(), a.bytes(),
                        MemorySegment.NULL, MemorySegment.NULL, itemRef);
                if (status == ERR_SEC_SUCCESS) {
                    MemorySegment item = itemRef.get(ADDRESS, 0);
                    try {
                        status = (int) modify.invokeExact(item, MemorySegment.NULL, secret.length, data);
                    } finally {
                        release.invokeExact(item);
                    }
                } else if (status == ERR_SEC_ITEM_NOT_FOUND) {
                    status = (int) add.invokeExact(MemorySegment.NULL, s.length(), s.bytes(), a.length(), a.bytes(),
                            secret.length, data, MemorySegment.NULL);
                }
                require(status, "store", account);
            } finally {
                data.fill((byte) 0);
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
            Text s = Text.of(arena, service);
            Text a = Text.of(arena, account);
            MemorySegment length = arena.allocate(JAVA_INT);
            MemorySegment dataRef = arena.allocate(ADDRESS);
            int status = (int) find.invokeExact(MemorySegment.NULL, s.length(), s.bytes(), a.length(), a.bytes(),
                    length, dataRef, MemorySegment.NULL);
            if (status == ERR_SEC_ITEM_NOT_FOUND) {
                return Optional.empty();
            }
            require(status, "read", account);
            MemorySegment data = dataRef.get(ADDRESS, 0);
            try {
                return Optional.of(data.reinterpret(Integer.toUnsignedLong(length.get(JAVA_INT, 0))).toArray(JAVA_BYTE));
            } finally {
                int ignored = (int) freeContent.invokeExact(MemorySegment.NULL, data);
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
            Text s = Text.of(arena, service);
            Text a = Text.of(arena, account);
            MemorySegment itemRef = arena.allocate(ADDRESS);
            int status = (int) find.invokeExact(MemorySegment.NULL, s.length(), s.bytes(), a.length(), a.bytes(),
                    MemorySegment.NULL, MemorySegment.NULL, itemRef);
            if (status == ERR_SEC_ITEM_NOT_FOUND) {
                return;
            }
            require(status, "remove", account);
            MemorySegment item = itemRef.get(ADDRESS, 0);
            try {
                require((int) delete.invokeExact(item), "remove", account);
            } finally {
                release.invokeExact(item);
            }
        } catch (VaultException e) {
            throw e;
        } catch (Throwable t) {
            throw failure("remove", account, t.toString());
        }
    }

    private static void require(int status, String what, String account) {
        if (status != ERR_SEC_SUCCESS) {
            // the OSStatus is looked up with `security error <code>`
            throw failure(what, account, "OSStatus " + status);
        }
    }

    private static VaultException failure(String what, String account, String why) {
        return new VaultException(VaultException.Kind.KEYCHAIN, "The macOS Keychain could not " + what + " '" + account + "': " + why);
    }

    /** A UTF-8 string with its byte length, as the SecKeychain calls take them. */
    private record Text(MemorySegment bytes, int length) {
        static Text of(Arena arena, String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return new Text(arena.allocateFrom(s), utf8.length);
        }
    }
}
