print("cageot")
