import { describe, expect, it } from "vitest";
import { apiUrlFromEnv } from "../../src/github/api-url.js";

describe("the API a command outside Actions talks to", () => {
  it("is GITHUB_API_URL when it is set, as on every Actions runner", () => {
    expect(apiUrlFromEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3", GITHUB_SERVER_URL: "https://ghe.example.com" })).toBe(
      "https://ghe.example.com/api/v3",
    );
  });

  it("is the API of the server GITHUB_SERVER_URL names, never api.github.com for an enterprise server's token", () => {
    expect(apiUrlFromEnv({ GITHUB_SERVER_URL: "https://ghe.example.com" })).toBe("https://ghe.example.com/api/v3");
    expect(apiUrlFromEnv({ GITHUB_SERVER_URL: "http://ghe.example.com:8080/" })).toBe("http://ghe.example.com:8080/api/v3");
    expect(apiUrlFromEnv({ GITHUB_SERVER_URL: "https://acme.ghe.com" })).toBe("https://api.acme.ghe.com");
    expect(apiUrlFromEnv({ GITHUB_SERVER_URL: "https://github.com" })).toBe("https://api.github.com");
    expect(apiUrlFromEnv({ GITHUB_API_URL: "", GITHUB_SERVER_URL: "" })).toBe("https://api.github.com");
    expect(apiUrlFromEnv({})).toBe("https://api.github.com");
  });

  it("refuses a URL holding credentials, which fetch would not send, naming the URL without them and never them", () => {
    expect(() => apiUrlFromEnv({ GITHUB_API_URL: "https://user:s3cret@ghe.example.com/api/v3" })).toThrow(
      "GITHUB_API_URL holds credentials (user:password@ before its host), which are never sent: the token goes in a header. Set GITHUB_API_URL to https://ghe.example.com/api/v3",
    );
    expect(() => apiUrlFromEnv({ GITHUB_API_URL: "https://ghp_s3cret@ghe.example.com/api/v3" })).toThrow(
      "GITHUB_API_URL holds credentials (user:password@ before its host), which are never sent: the token goes in a header. Set GITHUB_API_URL to https://ghe.example.com/api/v3",
    );
    expect(() => apiUrlFromEnv({ GITHUB_SERVER_URL: "https://user:s3cret@ghe.example.com/" })).toThrow(
      "GITHUB_SERVER_URL holds credentials (user:password@ before its host), which are never sent: the token goes in a header. Set GITHUB_SERVER_URL to https://ghe.example.com",
    );
  });

  it("refuses a GITHUB_API_URL that is no http(s) URL, not quoting one with an @, which may be credentials", () => {
    expect(() => apiUrlFromEnv({ GITHUB_API_URL: "ghe.example.com/api/v3" })).toThrow(
      'GITHUB_API_URL "ghe.example.com/api/v3" is not a URL (e.g. https://github.example.com/api/v3)',
    );
    // `user:` reads as a URL's scheme.
    expect(() => apiUrlFromEnv({ GITHUB_API_URL: "user:s3cret@ghe.example.com/api/v3" })).toThrow(
      /^GITHUB_API_URL is not a URL \(e\.g\. https:\/\/github\.example\.com\/api\/v3\)$/,
    );
  });

  it("refuses a GITHUB_SERVER_URL that is no URL rather than guess where to send the token", () => {
    expect(() => apiUrlFromEnv({ GITHUB_SERVER_URL: "ghe.example.com" })).toThrow(
      'GITHUB_SERVER_URL "ghe.example.com" is not a URL (e.g. https://github.example.com); set GITHUB_API_URL to the server\'s API',
    );
  });
});
