"""Pipeline stages: each module registers one spaCy factory and meets the others only on the Doc."""
