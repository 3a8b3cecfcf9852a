import multer from "multer"
import { invalidParam } from "./errors"

/** The file multer keeps in memory for a route (`req.file`). */
export interface UploadedFile {
  buffer: Buffer
  originalname: string
  size: number
  mimetype: string
}

export interface FileUploadOptions {
  /** Largest accepted file, in bytes (a larger one is answered 413). */
  maxBytes: number
  /** The multipart field holding the file (default "file"). */
  field?: string
}

type Next = (err?: unknown) => void
interface Answer {
  status(code: number): { json(body: unknown): unknown }
}

const HOW = (field: string) =>
  `send multipart/form-data with the CSV in a field named "${field}"`

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1
    ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
    : `${bytes} bytes`
}

/** What went wrong in multer's words, said for the owner of the route. */
function reason(err: {
  code?: string
  field?: string
  message?: string
}): string {
  switch (err.code) {
    case "LIMIT_UNEXPECTED_FILE":
      return `unexpected file field "${err.field}"`
    case "LIMIT_FILE_COUNT":
      return "one file only"
    default:
      return err.message
        ? err.message.charAt(0).toLowerCase() + err.message.slice(1)
        : "unreadable upload"
  }
}

/**
 * Middleware of a multipart upload route (the route needs `bodyParser: false`): one file kept in memory as
 * `req.file`, the other form fields in `req.body`. Answers, with the same `{ type: "invalid_data", message }` body
 * as every other refused request:
 * - 413 `file: larger than 64 MB, the limit of this route` for a file over `maxBytes`;
 * - 400 `file: <what is wrong> (send multipart/form-data …)` for an unreadable form, a second file, a file in
 *   another field, and for no file at all.
 */
export function fileUpload(options: FileUploadOptions) {
  const field = options.field ?? "file"
  // busboy stops a file when it reaches `fileSize` bytes: one more byte than the limit is what must be refused
  const limits = { fileSize: options.maxBytes + 1, files: 1 }
  const upload = multer({ storage: multer.memoryStorage(), limits }).single(
    field
  )
  return (req: unknown, res: unknown, next: Next): void => {
    const answer = (status: number, message: string) =>
      void (res as Answer)
        .status(status)
        .json({ type: "invalid_data", message })
    upload(req as any, res as any, (err?: unknown) => {
      if (err) {
        const e = err as { code?: string; field?: string; message?: string }
        if (e.code === "LIMIT_FILE_SIZE") {
          return answer(
            413,
            `${field}: larger than ${megabytes(options.maxBytes)}, the limit of this route`
          )
        }
        return answer(400, `${field}: ${reason(e)} (${HOW(field)})`)
      }
      if (!(req as { file?: UploadedFile }).file) {
        return answer(400, `${field}: no file received (${HOW(field)})`)
      }
      next()
    })
  }
}

/** The file `fileUpload` kept for this request (a 400 naming the field if there is none). */
export function uploadedFile(req: unknown, field = "file"): UploadedFile {
  const file = (req as { file?: UploadedFile }).file
  if (!file) {
    throw invalidParam(field, `no file received (${HOW(field)})`)
  }
  return file
}
