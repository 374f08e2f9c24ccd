import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a system call on a file failed, in Italian (the C library's `strerror` speaks English).
enum SystemError {
    static func text(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permesso negato"
        case ENOENT: "la cartella o il file non esiste"
        case ENOTDIR: "un elemento del percorso non è una cartella"
        case EISDIR: "è una cartella"
        case ENOSPC: "spazio su disco esaurito"
        case EDQUOT: "quota del disco esaurita"
        case EROFS: "file system in sola lettura"
        case EXDEV: "la destinazione è su un altro file system"
        case ELOOP: "troppi collegamenti simbolici"
        case ENAMETOOLONG: "nome troppo lungo"
        case EBUSY, ETXTBSY: "il file è in uso"
        case EPIPE: "chi leggeva ha chiuso il canale"
        case ENXIO: "nessun lettore o dispositivo collegato"
        case EIO: "errore di lettura o scrittura del dispositivo"
        case EMFILE, ENFILE: "troppi file aperti"
        default: "errore di sistema \(code)"
        }
    }

    /// What went wrong, in Italian: a system error by its code, one of ours by its own (Italian) description.
    static func text(of error: any Error) -> String {
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return text(Int32(bridged.code)) }
        if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return text(Int32(underlying.code))
        }
        if error is CocoaError { return "errore di sistema \(bridged.code)" }
        return String(describing: error)
    }
}
