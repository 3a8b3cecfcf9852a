import express from "express"
import request from "supertest"
import { fileUpload, uploadedFile } from "./upload"

/** A real express app with the middleware on POST /upload; the route answers what it received. */
function app(maxBytes: number) {
  const server = express()
  server.post("/upload", fileUpload({ maxBytes }), (req, res) => {
    const file = uploadedFile(req)
    res.json({
      name: file.originalname,
      text: file.buffer.toString("utf8"),
      body: req.body,
    })
  })
  return server
}

describe("fileUpload", () => {
  it("keeps the file in memory and the other fields in the body", async () => {
    const res = await request(app(1024))
      .post("/upload")
      .field("type", "vehicles")
      .attach("file", Buffer.from("make,model\nRenault,Clio\n"), "v.csv")
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      name: "v.csv",
      text: "make,model\nRenault,Clio\n",
      body: { type: "vehicles" },
    })
  })

  it("accepts a file of exactly the limit and answers 413 past it, naming the limit", async () => {
    expect(
      (
        await request(app(1024))
          .post("/upload")
          .attach("file", Buffer.alloc(1024, "a"), "f.csv")
      ).status
    ).toBe(200)
    const res = await request(app(1024 * 1024))
      .post("/upload")
      .attach("file", Buffer.alloc(1024 * 1024 + 1, "a"), "f.csv")
    expect(res.status).toBe(413)
    expect(res.body).toEqual({
      type: "invalid_data",
      message: "file: larger than 1 MB, the limit of this route",
    })
  })

  it("answers 400 without a file, with the file in another field, or with two files", async () => {
    const none = await request(app(1024)).post("/upload").field("x", "y")
    expect(none.status).toBe(400)
    expect(none.body).toEqual({
      type: "invalid_data",
      message:
        'file: no file received (send multipart/form-data with the CSV in a field named "file")',
    })
    const json = await request(app(1024))
      .post("/upload")
      .send({ file: "make,model" })
    expect(json.status).toBe(400)
    expect(json.body.message).toMatch(/^file: no file received/)

    const other = await request(app(1024))
      .post("/upload")
      .attach("csv", Buffer.from("a"), "f.csv")
    expect(other.status).toBe(400)
    expect(other.body.message).toBe(
      'file: unexpected file field "csv" (send multipart/form-data with the CSV in a field named "file")'
    )

    const two = await request(app(1024))
      .post("/upload")
      .attach("file", Buffer.from("a"), "a.csv")
      .attach("file", Buffer.from("b"), "b.csv")
    expect(two.status).toBe(400)
    expect(two.body.message).toMatch(
      /^file: (one file only|unexpected file field "file")/
    )
  })

  it("answers 400 for a broken multipart body", async () => {
    const res = await request(app(1024))
      .post("/upload")
      .set("content-type", "multipart/form-data; boundary=XYZ")
      .send(
        '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'
      )
    expect(res.status).toBe(400)
    expect(res.body.type).toBe("invalid_data")
    expect(res.body.message).toMatch(
      /^file: .+ \(send multipart\/form-data with the CSV in a field named "file"\)$/
    )
  })
})

describe("uploadedFile", () => {
  it("refuses a request without a file as a 400 naming the field", () => {
    expect(() => uploadedFile({}, "sales")).toThrow(
      'sales: no file received (send multipart/form-data with the CSV in a field named "sales")'
    )
  })
})
