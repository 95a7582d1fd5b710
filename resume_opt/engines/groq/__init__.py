"""The Groq engine: client and call (engine), prompt, rate limiter, provider headers."""
