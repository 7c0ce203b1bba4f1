from enum import StrEnum


class SlotId(StrEnum):
    DRAFT = "Draft"
    PREVIEW = "Preview"
    PRODUCTION = "Production"

    def __str__(self) -> str:
        return str(self.value)
