print("traguardo")
